package se.samla.answers;

import java.time.Instant;

import se.samla.directory.PersonId;
import se.samla.shared.Channel;
import se.samla.shared.SendOutId;

/** Published when a response is submitted for the first time: reminders stop for it. */
public record ResponseSubmitted(ResponseId response, SendOutId sendOut, PersonId person, Channel channel, Instant at) {
}
