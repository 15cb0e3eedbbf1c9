package dev.driftwatch.baseline;

import java.util.List;

/** One configured place states come from: a path entry, an S3 backend or an HTTP backend. */
interface StateSource extends AutoCloseable {

    /** The configured name, e.g. {@code s3.network}: a metric label and a log word, never a secret. */
    String label();

    /**
     * The source as configured, in problems and in the memory of listed states: the {@code terraform.paths}
     * entry itself for files, else the label.
     */
    default String id() {
        return label();
    }

    /** What a listing that found no state looked for, e.g. {@code no *.tfstate below s3://bucket/apps/}. */
    String lookedFor();

    /** Where this source's resources live when their ARN does not say. */
    StateLocations locations();

    /** The states this source holds now (possibly none); a listing that fails throws, naming the source. */
    List<StateObject> states() throws StateFileException;

    /** Releases the source's clients. */
    @Override
    default void close() {}
}
