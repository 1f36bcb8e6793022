/**
 * Small value types every module speaks: the respondent's language and the channels an
 * answer can arrive by.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package se.samla.shared;
