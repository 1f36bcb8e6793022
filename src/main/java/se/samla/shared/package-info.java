/**
 * Small value types every module speaks: the respondent's language and the channels an
 * answer can arrive by; and the lock that start-up writes of every module take, so that
 * instances starting together do not collide.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package se.samla.shared;
