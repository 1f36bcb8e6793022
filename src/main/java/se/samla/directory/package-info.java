/**
 * Who Samla talks to: organisations, people and the networks they belong to, and the plan
 * activities they own, imported from CSV files as Swedish Excel saves them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package se.samla.directory;
