package dev.driftwatch.baseline;

import java.io.InputStream;
import java.util.Optional;

/** One state document of a source. */
interface StateObject {

    /** The state's name in findings and errors: a file path, {@code s3://bucket/key}, a URL without query. */
    String name();

    /**
     * Opens the state, unless its version (ETag, size and modification time) is still {@code knownVersion}.
     *
     * @return empty when unchanged
     * @throws StateFileException naming the state and the problem (unreachable, denied, not found)
     */
    Optional<Download> openIfChanged(String knownVersion) throws StateFileException;

    /** An opened state and its version; {@code version} is null when the backend offers none. */
    record Download(String version, InputStream body) {}
}
