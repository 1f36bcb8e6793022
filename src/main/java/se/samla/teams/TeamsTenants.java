package se.samla.teams;

/** The bot's standing with each tenant (present when Teams is enabled). */
public interface TeamsTenants {

	TeamsStatus status();

}
