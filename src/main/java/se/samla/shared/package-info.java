/**
 * Small value types every module speaks (the respondent's language, the channels an
 * answer can arrive by), and the one way definition files are read and their mistakes
 * named: {@link se.samla.shared.DefinitionProblem} ({@code file:line: problem}) and the
 * YAML reading layer in {@code se.samla.shared.yaml}, used by the questionnaire, send-out
 * and themes readers; and the lock that start-up writes of every module take, so that
 * instances starting together do not collide.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package se.samla.shared;
