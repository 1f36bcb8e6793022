package se.samla.email;

import java.util.List;

/**
 * What an operator's acceptance of a held email did.
 *
 * @param outcome RECORDED when answers were taken from it, else what it was (AMBIGUOUS,
 * CLOSED, ...)
 * @param recorded questions answered that had no answer before
 * @param replaced questions whose earlier answer was replaced
 * @param kept questions whose earlier answer was kept (accept with replace to change
 * them)
 * @param confirmedTo the address the person's confirmation went to, or {@code null}
 */
public record AcceptedMail(String outcome, List<Integer> recorded, List<Integer> replaced, List<Integer> kept,
		String confirmedTo) {
}
