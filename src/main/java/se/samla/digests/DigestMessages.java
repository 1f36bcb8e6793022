package se.samla.digests;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import se.samla.campaigns.MessageContent;
import se.samla.campaigns.MessageContents;
import se.samla.campaigns.MessageKind;
import se.samla.digests.Digest.View;
import se.samla.directory.Person;
import se.samla.shared.Language;
import se.samla.shared.SendOutId;

/**
 * Writes the content of digest messages: the recipient's view of the round's digest in
 * their language. A dispatch run compiles and renders each round, view and language once,
 * however many members receive it (by email, or as a Teams card of its headline).
 */
@Component
class DigestMessages implements MessageContents {

	private final Digests digests;

	DigestMessages(Digests digests) {
		this.digests = digests;
	}

	@Override
	public boolean writes(MessageKind kind) {
		return kind == MessageKind.DIGEST;
	}

	@Override
	public Writer writer() {
		Map<Variant, Written> written = new ConcurrentHashMap<>();
		return message -> {
			Person person = message.recipient();
			Variant variant = new Variant(message.sendOut().id(), message.key().kind().number(),
					this.digests.viewFor(message.sendOut(), person), person.language());
			return written.computeIfAbsent(variant, Written::new).content(this::write);
		};
	}

	private MessageContent write(Variant variant) {
		return this.digests.content(this.digests.compile(variant.sendOut(), variant.view(), variant.language()),
				variant.language());
	}

	/** What recipients share: one round of one send-out, in one view and language. */
	private record Variant(SendOutId sendOut, int round, View view, Language language) {
	}

	/**
	 * One variant's content, written by the first message that needs it while the others
	 * of the variant wait (lanes run side by side); not kept if writing failed, so the
	 * next message tries again.
	 */
	private static final class Written {

		private final Variant variant;

		private MessageContent content;

		Written(Variant variant) {
			this.variant = variant;
		}

		synchronized MessageContent content(Function<Variant, MessageContent> write) {
			if (this.content == null) {
				this.content = write.apply(this.variant);
			}
			return this.content;
		}

	}

}
