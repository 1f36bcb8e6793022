package se.samla.web.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

import se.samla.answers.ResponseManagement;
import se.samla.campaigns.CampaignProperties;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOuts;
import se.samla.digests.Digest;
import se.samla.digests.Digests;
import se.samla.directory.Directory;
import se.samla.shared.Language;
import se.samla.shared.SendOutId;

/**
 * A send-out's digests to download: each view (by organisation, as the networks get it;
 * with persons, as the project leads get it) as a whole HTML file with its charts inside,
 * the workbook and the CSV, compiled when asked for with the same {@link Digests} as the
 * scheduled digests and the operator's {@code digest} command. Every download is recorded
 * with who took it.
 */
@Controller
class DigestDownloads {

	private static final Logger log = LoggerFactory.getLogger(DigestDownloads.class);

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final SendOuts sendOuts;

	private final ResponseManagement responses;

	private final Digests digests;

	private final Directory directory;

	private final LeadAudit audit;

	private final ZoneId zone;

	DigestDownloads(SendOuts sendOuts, ResponseManagement responses, Digests digests, Directory directory,
			LeadAudit audit, CampaignProperties campaigns) {
		this.sendOuts = sendOuts;
		this.responses = responses;
		this.digests = digests;
		this.directory = directory;
		this.audit = audit;
		this.zone = campaigns.zone();
	}

	@GetMapping("/projektledning/utskick/{id}/sammanstallningar")
	String downloads(@PathVariable String id, Principal who, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		LeadLanguage.of(who, this.directory, this.zone, request, model);
		Optional<SendOut> sendOut = this.sendOuts.find(new SendOutId(id));
		if (sendOut.isEmpty()) {
			response.setStatus(404);
			return "leads/no-send-out";
		}
		model.addAttribute("sendOut", sendOut.get());
		model.addAttribute("answered", this.responses.submitted(sendOut.get().id()).size());
		return "leads/digests";
	}

	@GetMapping("/projektledning/utskick/{id}/sammanstallningar/{view}/{format}")
	Object download(@PathVariable String id, @PathVariable String view, @PathVariable String format, Principal who,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		LeadLanguage language = LeadLanguage.of(who, this.directory, this.zone, request, model);
		Optional<SendOut> sendOut = this.sendOuts.find(new SendOutId(id));
		Digest.View chosen = switch (view) {
			case "organisationer" -> Digest.View.ORGANISATIONS;
			case "personer" -> Digest.View.PERSONS;
			default -> null;
		};
		if (sendOut.isEmpty() || chosen == null
				|| !(format.equals("html") || format.equals("xlsx") || format.equals("csv"))) {
			response.setStatus(404);
			return page("leads/no-send-out", response, model);
		}
		model.addAttribute("sendOut", sendOut.get());
		if (this.responses.submitted(sendOut.get().id()).isEmpty()) {
			response.setStatus(409);
			model.addAttribute("answered", 0);
			return page("leads/digests", response, model);
		}
		Digests.FileFormat kind = Digests.FileFormat.valueOf(format.toUpperCase(Locale.ROOT));
		Digest digest;
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		try {
			digest = this.digests.compile(sendOut.get().id(), chosen, language.language());
			this.digests.writeFile(digest, language.language(), kind, file);
		}
		catch (IOException | RuntimeException ex) {
			// the reason is for the log (no answer text in it: the exception's kind)
			log.warn("The digest of {} ({}) could not be compiled: {}", id, chosen, ex.getClass().getSimpleName());
			response.setStatus(500);
			return page("leads/digest-failed", response, model);
		}
		String name = this.digests.baseName(digest) + "-" + view + ((language.language() == Language.SV) ? ""
				: "-" + language.language().name().toLowerCase(Locale.ROOT)) + "." + format;
		this.audit.record(who.getName(), "ladda-ner", id, name);
		MediaType type = switch (format) {
			case "html" -> new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
			case "csv" -> new MediaType("text", "csv", StandardCharsets.UTF_8);
			default -> XLSX;
		};
		byte[] body = file.toByteArray();
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(type);
		headers.setContentDisposition(ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build());
		headers.setContentLength(body.length);
		return new ResponseEntity<>(body, headers, HttpStatus.OK);
	}

	private static ModelAndView page(String template, HttpServletResponse response, Model model) {
		return new ModelAndView(template, model.asMap(), HttpStatusCode.valueOf(response.getStatus()));
	}

}
