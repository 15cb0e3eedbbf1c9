package dev.driftwatch.baseline;

import java.util.List;

/** One configured place states come from: a path entry, an S3 backend or an HTTP backend. */
interface StateSource extends AutoCloseable {

    /** The configured name, e.g. {@code s3.network}: a metric label and a log word, never a secret. */
    String label();

    /** Where this source's resources live when their ARN does not say. */
    StateLocations locations();

    /** The states this source holds now; a listing that fails throws, naming the source. */
    List<StateObject> states() throws StateFileException;

    /** Releases the source's clients. */
    @Override
    default void close() {
    }
}
