package se.samla.directory;

import java.io.InputStream;

/**
 * Imports organisations, people and plan activities from CSV files as Swedish Excel saves
 * them (semicolon-separated, UTF-8 with or without BOM, or Windows-1252). Each import is
 * all or nothing: every row is validated first, and if any row is rejected nothing is
 * written. Re-importing updates what is there (people are matched by e-mail); nothing
 * missing from a file is deleted. The formats are described in
 * {@code directory/README.md}.
 */
public interface DirectoryImport {

	/** Imports {@code Id;Namn;Typ}. */
	ImportReport importOrganisations(String sourceName, InputStream csv, boolean dryRun);

	/**
	 * Imports
	 * {@code Namn;E-post;Organisation;Roll;Nätverk;Kanal;Språk;Entra-id;Tenant-id} (and
	 * optionally {@code Aktiv}). The organisations must have been imported before.
	 */
	ImportReport importPeople(String sourceName, InputStream csv, boolean dryRun);

	/**
	 * Imports
	 * {@code Id;Aktivitet;Utvecklingsområde;Förväntad effekt;Ansvariga;Tidplan;Uppföljning}.
	 * The owners ("Ansvariga") are e-mail addresses of people imported before.
	 */
	ImportReport importActivities(String sourceName, InputStream csv, boolean dryRun);

}
