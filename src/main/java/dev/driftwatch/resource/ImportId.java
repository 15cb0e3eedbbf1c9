package dev.driftwatch.resource;

/**
 * The id {@code terraform import} (and an {@code import} block) needs for one resource, or why there is none.
 *
 * @param value         the import id, {@code null} when there is none
 * @param cannotBecause why no import id can be given, {@code null} when there is one
 */
public record ImportId(String value, String cannotBecause) {

    public static ImportId of(String value) {
        return new ImportId(value, null);
    }

    public static ImportId cannot(String reason) {
        return new ImportId(null, reason);
    }
}
