package se.samla.web;

import se.samla.shared.Language;

/**
 * A project lead asked for a sign-in link: the email channel sends it. Published only for
 * people allowed in, so the mail goes to nobody else.
 *
 * @param email the address to send it to
 * @param name the person's name
 * @param link the one-time link
 * @param minutes how long it works
 * @param language the person's language
 */
public record SignInLinkRequested(String email, String name, String link, long minutes, Language language) {
}
