package se.samla.digests;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import se.samla.answers.ResponseId;
import se.samla.answers.ResponseManagement;
import se.samla.answers.ResponseState;
import se.samla.answers.StepKey;
import se.samla.campaigns.CampaignProperties;
import se.samla.campaigns.DigestSchedule;
import se.samla.campaigns.MessageContent;
import se.samla.campaigns.MessageContent.Attachment;
import se.samla.campaigns.MessageContent.Fact;
import se.samla.campaigns.MessageContent.Headline;
import se.samla.campaigns.RecipientFactTexts;
import se.samla.campaigns.RecipientStatus;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOutQueries;
import se.samla.campaigns.SendOuts;
import se.samla.campaigns.UnknownSendOutException;
import se.samla.digests.Digest.View;
import se.samla.digests.internal.DigestCompilation;
import se.samla.directory.Directory;
import se.samla.directory.Network;
import se.samla.directory.Person;
import se.samla.directory.PersonId;
import se.samla.shared.Channel;
import se.samla.shared.Language;
import se.samla.shared.SendOutId;
import se.samla.surveys.Questionnaire;
import se.samla.surveys.Questionnaires;
import se.samla.surveys.UnknownQuestionnaireException;

/**
 * Compiles and renders digests: as the content of the messages of a send-out's digest
 * schedule (each recipient sees the view the schedule gives their network; see
 * {@code DigestMessages}) and on demand (the operator's files).
 */
@Service
public class Digests {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final String PNG = "image/png";

	/** Earlier rounds a yearly follow-up looks back on: to 2030 and some years before. */
	private static final int EARLIER_ROUNDS = 12;

	private final SendOuts sendOuts;

	private final SendOutQueries queries;

	private final ResponseManagement responses;

	private final Directory directory;

	private final Questionnaires questionnaires;

	private final DigestCompilation compilation;

	private final MessageSource messages;

	private final CampaignProperties campaigns;

	private final Clock clock;

	private final MeterRegistry meters;

	// a command's context has no metrics: its compilations are counted nowhere
	Digests(SendOuts sendOuts, SendOutQueries queries, ResponseManagement responses, Directory directory,
			Questionnaires questionnaires, DigestCompilation compilation, MessageSource messages,
			CampaignProperties campaigns, Clock clock, Optional<MeterRegistry> meters) {
		this.sendOuts = sendOuts;
		this.queries = queries;
		this.meters = meters.orElseGet(SimpleMeterRegistry::new);
		this.responses = responses;
		this.directory = directory;
		this.questionnaires = questionnaires;
		this.compilation = compilation;
		this.messages = messages;
		this.campaigns = campaigns;
		this.clock = clock;
	}

	/**
	 * Compiles a send-out's digest in a view and language, counted by the metric
	 * {@code samla.digests.compiled} (tags {@code view}, {@code language}).
	 */
	public Digest compile(SendOutId id, View view, Language language) {
		this.meters
			.counter("samla.digests.compiled", "view", view.name().toLowerCase(Locale.ROOT), "language",
					language.name().toLowerCase(Locale.ROOT))
			.increment();
		SendOut sendOut = this.sendOuts.find(id).orElseThrow(() -> new UnknownSendOutException(id));
		Questionnaire questionnaire = this.questionnaires.current(sendOut.questionnaire())
			.orElseThrow(() -> new UnknownQuestionnaireException(
					"send-out " + id + " asks unknown questionnaire " + sendOut.questionnaire()));
		List<Person> recipients = new ArrayList<>(this.sendOuts.recipients(sendOut));
		List<ResponseState> responses = this.responses.responses(id);
		Map<PersonId, Person> people = new LinkedHashMap<>();
		this.directory.people().forEach(person -> people.put(person.id(), person));
		// Someone who submitted and has since left the directory (or had their data
		// erased) was asked all the same: their response keeps counting for their
		// organisation's rate.
		for (ResponseState response : responses) {
			if (response.isSubmitted() && !people.containsKey(response.person())) {
				this.directory.person(response.person()).ifPresent(person -> {
					people.put(person.id(), person);
					recipients.add(person);
				});
			}
		}
		Map<PersonId, String> unreachable = new LinkedHashMap<>();
		Map<PersonId, String> reasons = new HashMap<>();
		if (view == View.PERSONS) {
			RecipientFactTexts why = this.queries.texts();
			for (RecipientStatus status : this.queries.recipients(id)) {
				if (status.noRoute()) {
					unreachable.put(status.person(), reachText(language, "digest.reach.none"));
				}
				else if (status.unreachable().contains(Channel.EMAIL)) {
					unreachable.put(status.person(), reachText(language, "digest.reach.email"));
				}
				else if (status.unreachable().contains(Channel.TEAMS)) {
					unreachable.put(status.person(), reachText(language, "digest.reach.teams"));
				}
				if (!status.reasons().isEmpty()) {
					reasons.put(status.person(), why.describe(status.reasons(), language));
				}
			}
		}
		Map<Channel, String> channelNames = new EnumMap<>(Channel.class);
		for (Channel channel : Channel.values()) {
			channelNames.put(channel, reachText(language, "digest.channel." + channel.name()));
		}
		Map<ResponseId, Map<StepKey, String>> answerChannels = new HashMap<>();
		this.responses.answerChannels(id)
			.forEach((response, byStep) -> byStep
				.forEach((step, channel) -> answerChannels.computeIfAbsent(response, r -> new HashMap<>())
					.put(step, channelNames.get(channel))));
		return this.compilation.compile(sendOut, questionnaire, recipients, responses, this.directory.organisations(),
				people, unreachable, reasons, answerChannels, earlierRounds(sendOut, questionnaire),
				this.directory.activities(), List.of(Network.values()), view, language, this.clock.instant());
	}

	/**
	 * The rounds before a send-out, newest first: the previous one (for the changes), and
	 * for a yearly follow-up the ones before it too (for each activity's status year by
	 * year), at most {@value #EARLIER_ROUNDS}.
	 */
	private List<DigestCompilation.EarlierRound> earlierRounds(SendOut sendOut, Questionnaire questionnaire) {
		int wanted = (questionnaire.repeat() == Questionnaire.Repeat.PER_OWNED_ACTIVITY) ? EARLIER_ROUNDS : 1;
		List<DigestCompilation.EarlierRound> earlier = new ArrayList<>();
		Set<SendOutId> seen = new HashSet<>(Set.of(sendOut.id()));
		Optional<SendOut> round = previousRound(sendOut);
		while (round.isPresent() && earlier.size() < wanted && seen.add(round.get().id())) {
			earlier.add(new DigestCompilation.EarlierRound(round.get(), this.responses.responses(round.get().id())));
			round = previousRound(round.get());
		}
		return earlier;
	}

	/**
	 * The view a person gets of a send-out's digests: with persons when the schedule says
	 * so for one of their networks, else by organisation.
	 */
	public View viewFor(SendOut sendOut, Person person) {
		DigestSchedule schedule = sendOut.rules().digests();
		return person.networks().stream().anyMatch(schedule::showsPersonsTo) ? View.PERSONS : View.ORGANISATIONS;
	}

	/** Renders a compiled digest: subject, HTML, text, workbook and CSV. */
	public RenderedDigest render(Digest digest, Language language) {
		DigestTexts texts = texts(language);
		ByteArrayOutputStream csv = new ByteArrayOutputStream();
		try (Writer writer = new OutputStreamWriter(csv, StandardCharsets.UTF_8)) {
			this.compilation.csv(digest, texts, writer);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Chart> charts = this.compilation.charts(digest, texts);
		return new RenderedDigest(digest, subject(digest, texts), this.compilation.html(digest, texts, charts),
				this.compilation.text(digest, texts), workbook(digest, texts, charts), csv.toByteArray(),
				fileName(digest), charts);
	}

	/**
	 * A compiled digest as the content of a message: subject, text and HTML, the workbook
	 * attached (it holds every answer; the raw CSV is for the operator's files, not the
	 * email), and the headline figures for a channel that shows only those.
	 */
	MessageContent content(Digest digest, Language language) {
		DigestTexts texts = texts(language);
		List<Chart> charts = this.compilation.charts(digest, texts);
		List<Attachment> attachments = new ArrayList<>();
		attachments.add(Attachment.file(fileName(digest) + ".xlsx", XLSX, workbook(digest, texts, charts)));
		// the HTML shows each chart by its Content-ID: Outlook shows neither SVG nor
		// scripts
		for (Chart chart : charts) {
			attachments.add(Attachment.inlineImage(chart.contentId(), chart.fileName(), PNG, chart.png()));
		}
		return new MessageContent(subject(digest, texts), this.compilation.text(digest, texts),
				this.compilation.html(digest, texts, charts), attachments, headline(digest, texts));
	}

	/**
	 * A digest's headline figures: the response rate overall and per network, the themes
	 * most mentioned, and that the whole digest goes by email.
	 */
	static Headline headline(Digest digest, DigestTexts texts) {
		Digest.Rate overall = digest.rates().overall();
		List<Fact> facts = new ArrayList<>();
		for (Digest.NamedRate rate : digest.rates().networks()) {
			facts.add(new Fact(rate.name(),
					rate.rate().answered() + "/" + rate.rate().asked() + " (" + rate.rate().percent() + " %)"));
		}
		for (Digest.Theme theme : digest.themes().subList(0, Math.min(3, digest.themes().size()))) {
			facts.add(new Fact(theme.area(), texts.get("themes.count", theme.count())));
		}
		return new Headline(texts.get("title", digest.title()), digest.open() ? texts.get("open") : texts.get("final"),
				texts.get("card.headline", overall.answered(), overall.asked(), overall.percent()), facts,
				texts.get("card.by-email"));
	}

	private static String subject(Digest digest, DigestTexts texts) {
		return digest.open() ? texts.get("subject", digest.title(), texts.date(digest.compiledAt()))
				: texts.get("subject.final", digest.title());
	}

	private byte[] workbook(Digest digest, DigestTexts texts, List<Chart> charts) {
		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		try {
			this.compilation.xlsx(digest, texts, charts, xlsx);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return xlsx.toByteArray();
	}

	/**
	 * Writes a digest as HTML, XLSX and CSV into a folder (created if need be), named for
	 * the send-out, the view and (when not Swedish) the language, so that every variant
	 * can lie in one folder: {@code sammanstallning-steg2-2026-personer.html}. Unlike the
	 * email's body, the HTML file holds every answer; each file is written as it is
	 * rendered, none is held whole in memory.
	 * @return the files written
	 */
	public List<Path> writeTo(Path folder, SendOutId id, View view, Language language) throws IOException {
		return writeTo(folder, id, view, language, step -> {
		});
	}

	/**
	 * Writes a digest as {@link #writeTo(Path, SendOutId, View, Language)} does, telling
	 * {@code steps} what it starts on (compiling, writing), for a progress display.
	 */
	public List<Path> writeTo(Path folder, SendOutId id, View view, Language language, Consumer<String> steps)
			throws IOException {
		steps.accept("compiling");
		Digest digest = compile(id, view, language);
		steps.accept("writing");
		DigestTexts texts = texts(language);
		Files.createDirectories(folder);
		String name = fileName(digest) + ((view == View.PERSONS) ? "-personer" : "-organisationer")
				+ ((language == Language.SV) ? "" : "-" + language.name().toLowerCase(Locale.ROOT));
		Path html = folder.resolve(name + ".html");
		Path xlsx = folder.resolve(name + ".xlsx");
		Path csv = folder.resolve(name + ".csv");
		List<Chart> charts = this.compilation.charts(digest, texts);
		List<Path> written = new ArrayList<>(List.of(html, xlsx, csv));
		// the HTML shows the charts from files beside it, as an email shows its parts
		for (Chart chart : charts) {
			Path png = folder.resolve(name + "-" + chart.fileName());
			Files.write(png, chart.png());
			written.add(png);
		}
		try (Writer out = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
			this.compilation.fullHtml(digest, texts, charts, chart -> name + "-" + chart.fileName(), out);
		}
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(xlsx))) {
			this.compilation.xlsx(digest, texts, charts, out);
		}
		try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
			this.compilation.csv(digest, texts, out);
		}
		return written;
	}

	public DigestTexts texts(Language language) {
		return new DigestTexts(this.messages, language, this.campaigns.zone());
	}

	/**
	 * The previous round of the same questionnaire: the one a recurring send-out names,
	 * else the latest other send-out of the questionnaire that ended before this opened.
	 */
	Optional<SendOut> previousRound(SendOut sendOut) {
		if (sendOut.previous() != null) {
			return this.sendOuts.find(sendOut.previous());
		}
		return this.sendOuts.all()
			.stream()
			.filter(other -> !other.id().equals(sendOut.id()))
			.filter(other -> other.questionnaire().equals(sendOut.questionnaire()))
			.filter(other -> !other.deadline().isAfter(sendOut.opensAt()))
			.max(Comparator.comparing(SendOut::deadline));
	}

	private String reachText(Language language, String code) {
		return this.messages.getMessage(code, null, language.locale());
	}

	/**
	 * A compiled digest as one file to download or keep, written as it is rendered:
	 * {@link FileFormat#HTML} the whole digest, every answer, with its charts inside the
	 * file (so that it shows them wherever it is opened); {@link FileFormat#XLSX} the
	 * workbook; {@link FileFormat#CSV} the raw data.
	 */
	public void writeFile(Digest digest, Language language, FileFormat format, OutputStream out) throws IOException {
		DigestTexts texts = texts(language);
		switch (format) {
			case HTML -> {
				Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				this.compilation.fullHtml(digest, texts, this.compilation.charts(digest, texts),
						chart -> "data:" + PNG + ";base64," + Base64.getEncoder().encodeToString(chart.png()), writer);
			}
			case XLSX -> this.compilation.xlsx(digest, texts, this.compilation.charts(digest, texts), out);
			case CSV -> {
				Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				this.compilation.csv(digest, texts, writer);
				writer.flush();
			}
		}
	}

	/** The base name of a digest's files, e.g. {@code sammanstallning-steg2-2026}. */
	public String baseName(Digest digest) {
		return fileName(digest);
	}

	/** The files a digest is written as. */
	public enum FileFormat {

		HTML, XLSX, CSV

	}

	private static String fileName(Digest digest) {
		String id = digest.sendOut().value().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
		return "sammanstallning-" + id;
	}

}
