/**
 * The operator surface: commands run on the same jar
 * ({@code java -jar samla.jar validate}, {@code import-directory}, {@code send-outs},
 * {@code response}) and the access rule for the read-only JSON endpoints.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package se.samla.ops;
