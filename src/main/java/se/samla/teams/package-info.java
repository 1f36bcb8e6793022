/**
 * The Teams channel: the Samla bot asks chiefs one question at a time in a 1:1 chat, with
 * Adaptive Cards and typed commands, opens the chat itself when an invitation or reminder
 * is due, and keeps within Teams' rate limits. The Bot Framework SDK is used only inside
 * this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Teams")
package se.samla.teams;
