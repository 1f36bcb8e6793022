package se.samla.digests;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samla.support.Mails.recipient;
import static se.samla.support.Stockholm.at;

import java.awt.image.BufferedImage;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.samla.campaigns.Audience;
import se.samla.campaigns.DigestSchedule;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOutRules;
import se.samla.campaigns.SendOuts;
import se.samla.campaigns.internal.Dispatcher;
import se.samla.directory.Directory;
import se.samla.directory.Network;
import se.samla.directory.OrganisationId;
import se.samla.directory.Person;
import se.samla.shared.SendOutId;
import se.samla.support.Fonts;
import se.samla.support.MutableClock;
import se.samla.support.Stockholm;
import se.samla.support.TestClockConfiguration;
import se.samla.surveys.QuestionnaireId;

/**
 * Digests go out on the send-out's schedule: weekly while it is open and a final one
 * after the deadline, once per member, by email with the workbook attached, in the view
 * the schedule gives each network.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "samla.campaigns.location=src/test/resources/no-send-outs", "samla.email.enabled=true",
				"samla.email.from=samla@region.example.org", "samla.email.domain=samla.example.org",
				"spring.mail.host=localhost" })
@Import(TestClockConfiguration.class)
class DigestDeliveryTests {

	// on a free port, one server for the class: the context keeps its port
	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@BeforeAll
	static void fonts() {
		// the digests carry charts
		Fonts.ensureInstalled();
	}

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
	}

	@Autowired
	SendOuts sendOuts;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	Directory directory;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@BeforeEach
	void clear() throws Exception {
		mail.purgeEmailFromAllMailboxes();
		this.jdbc.sql("UPDATE send_out SET closed_at = CURRENT_TIMESTAMP").update();
	}

	@Test
	void sendsAWeeklyDigestWhileOpenAndAFinalOneAfterTheDeadlineEachOnce() throws Exception {
		define("digest-schema");
		List<Person> members = members();

		// Tuesday 1 December: invitations only
		this.clock.set(at(2026, 12, 1, 9, 0));
		this.dispatcher.run();
		assertThat(digests()).isEmpty();

		// Monday 7 December: the first weekly digest, once, to every member
		this.clock.set(at(2026, 12, 7, 9, 0));
		this.dispatcher.run();
		this.dispatcher.run();
		assertThat(this.jdbc.sql(
				// Teams is not configured here: the cards are logged by its stand-in, not
				// sent
				"SELECT message_key, status, channel, last_error FROM outbox WHERE kind = 'DIGEST' AND status <> 'SENT'"
						+ " AND NOT (status = 'LOGGED' AND channel = 'TEAMS')")
			.query()
			.listOfRows()).isEmpty();
		assertThat(digests()).extracting(message -> recipient(message))
			.containsExactlyInAnyOrderElementsOf(members.stream().map(Person::email).toList());

		// Monday 14 December: the second
		this.clock.set(at(2026, 12, 14, 9, 0));
		this.dispatcher.run();
		assertThat(digests()).hasSize(2 * members.size());

		// Monday 21 December, the first working day after the deadline: the final digest
		this.clock.set(at(2026, 12, 21, 9, 0));
		this.dispatcher.run();
		this.dispatcher.run();
		List<MimeMessage> all = digests();
		assertThat(all).hasSize(3 * members.size());
		assertThat(all).extracting(MimeMessage::getSubject)
			.filteredOn(subject -> subject.startsWith("Slutlig sammanställning") || subject.startsWith("Final digest"))
			.hasSize(members.size());
	}

	@Test
	void theDigestEmailHasHtmlTextItsChartsAsInlinePicturesAndTheWorkbookAndEachNetworkItsView() throws Exception {
		define("digest-mejl");
		this.clock.set(at(2026, 12, 1, 9, 0));
		this.dispatcher.run();
		this.clock.set(at(2026, 12, 7, 9, 0));
		this.dispatcher.run();
		Person lead = this.directory.personByEmail("anna.lind@example.org").orElseThrow();
		Person hrChief = this.directory.members(Network.HR_CHEFSNATVERKET)
			.stream()
			.filter(person -> !person.isMemberOf(Network.PROJEKTLEDARE))
			.findFirst()
			.orElseThrow();
		MimeMessage toLead = digestTo(lead);
		MimeMessage toChief = digestTo(hrChief);
		assertThat(toLead.getSubject()).startsWith("Sammanställning: Kartläggning steg 2 (digest-mejl)");
		assertThat(toLead.getHeader("Auto-Submitted")).containsExactly("auto-generated");
		MimeMultipart mixed = (MimeMultipart) toLead.getContent();
		assertThat(mixed.getContentType()).startsWith("multipart/mixed");
		// plain text beside the HTML with the pictures it shows (Outlook shows no SVG)
		MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
		assertThat(alternative.getContentType()).startsWith("multipart/alternative");
		assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
		MimeMultipart related = (MimeMultipart) alternative.getBodyPart(1).getContent();
		assertThat(related.getContentType()).startsWith("multipart/related");
		assertThat(related.getBodyPart(0).getContentType()).startsWith("text/html");
		String leadHtml = (String) related.getBodyPart(0).getContent();
		Document html = Jsoup.parse(leadHtml);
		List<String> referenced = html.select("img")
			.stream()
			.map(img -> img.attr("src"))
			.map(src -> src.substring("cid:".length()))
			.toList();
		List<String> carried = new ArrayList<>();
		for (int i = 1; i < related.getCount(); i++) {
			MimeBodyPart picture = (MimeBodyPart) related.getBodyPart(i);
			assertThat(picture.getContentType()).startsWith("image/png");
			assertThat(picture.getDisposition()).isEqualTo(Part.INLINE);
			String contentId = picture.getContentID().replaceAll("^<|>$", "");
			carried.add(contentId);
			BufferedImage image = ImageIO.read(picture.getInputStream());
			Element img = html.selectFirst("img[src=cid:" + contentId + "]");
			assertThat(image.getWidth()).isEqualTo(2 * Integer.parseInt(img.attr("width")));
			assertThat(image.getHeight()).isEqualTo(2 * Integer.parseInt(img.attr("height")));
		}
		assertThat(carried).isNotEmpty().containsExactlyElementsOf(referenced);
		// the alt text states the figures, here Kumla's rate as the table gives it
		String text = (String) alternative.getBodyPart(0).getContent();
		java.util.regex.Matcher rate = java.util.regex.Pattern.compile("Kumla: \\d+/\\d+ \\((\\d+ %)\\)").matcher(text);
		assertThat(rate.find()).as(text).isTrue();
		String kumlaRate = rate.group(1);
		assertThat(html.selectFirst("img[src=cid:rates-organisations@samla]").attr("alt"))
			.startsWith("Svarsfrekvens per organisation: ")
			.contains("Kumla " + kumlaRate);
		// the workbook and nothing else: the raw CSV is for the operator's files
		assertThat(mixed.getCount()).isEqualTo(2);
		BodyPart workbook = mixed.getBodyPart(1);
		assertThat(workbook.getFileName()).isEqualTo("sammanstallning-digest-mejl.xlsx");
		assertThat(workbook.getContentType())
			.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		String chiefHtml = (String) ((MimeMultipart) ((MimeMultipart) ((MimeMultipart) toChief.getContent())
			.getBodyPart(0)
			.getContent()).getBodyPart(1).getContent()).getBodyPart(0).getContent();
		// the project leads see who has not answered; the network does not
		assertThat(leadHtml).contains("Har inte svarat");
		assertThat(chiefHtml).doesNotContain("Har inte svarat").contains("utan namn");
	}

	@Test
	void aRunCompilesTheDigestOncePerViewAndLanguageHoweverManyMembersGetIt() throws Exception {
		define("digest-en-gang");
		List<Person> members = members();
		long variants = members.stream()
			.map(person -> (person.isMemberOf(Network.PROJEKTLEDARE) ? "persons/" : "organisations/")
					+ person.language())
			.distinct()
			.count();
		assertThat(members).hasSizeGreaterThan((int) variants);
		this.clock.set(at(2026, 12, 1, 9, 0));
		this.dispatcher.run();
		double before = compiled();

		this.clock.set(at(2026, 12, 7, 9, 0));
		this.dispatcher.run();
		assertThat(digests()).hasSize(members.size());
		assertThat(compiled() - before).isEqualTo(variants);

		// the next run compiles anew, from the answers as they are then
		this.clock.set(at(2026, 12, 14, 9, 0));
		this.dispatcher.run();
		assertThat(digests()).hasSize(2 * members.size());
		assertThat(compiled() - before).isEqualTo(2 * variants);
	}

	private double compiled() {
		return this.meters.find("samla.digests.compiled").counters().stream().mapToDouble(Counter::count).sum();
	}

	private void define(String id) {
		SendOutRules defaults = SendOutRules.defaults(Stockholm.ZONE);
		this.sendOuts
			.define(new SendOut(new SendOutId(id), "Kartläggning steg 2 (" + id + ")", new QuestionnaireId("steg2"),
					new Audience(Set.of(), Set.of(new OrganisationId("kumla")), List.of(), false),
					at(2026, 12, 1, 8, 0), at(2026, 12, 18, 17, 0), null, null, "test",
					new SendOutRules(defaults.reminders(), defaults.quietHours(), null, null,
							new DigestSchedule(DayOfWeek.MONDAY, true,
									Set.of(Network.HR_CHEFSNATVERKET, Network.PROJEKTLEDARE),
									Set.of(Network.PROJEKTLEDARE))),
					null));
	}

	private List<Person> members() {
		java.util.LinkedHashSet<Person> members = new java.util.LinkedHashSet<>();
		members.addAll(this.directory.members(Network.HR_CHEFSNATVERKET));
		members.addAll(this.directory.members(Network.PROJEKTLEDARE));
		return members.stream().filter(person -> person.email() != null).toList();
	}

	/** The digests received: only they carry the workbook. */
	private List<MimeMessage> digests() {
		return Arrays.stream(mail.getReceivedMessages())
			.filter(message -> com.icegreen.greenmail.util.GreenMailUtil.getBody(message).contains("sammanstallning-"))
			.toList();
	}

	private MimeMessage digestTo(Person person) {
		return digests().stream()
			.filter(message -> recipient(message).equals(person.email()))
			.findFirst()
			.orElseThrow();
	}

}
