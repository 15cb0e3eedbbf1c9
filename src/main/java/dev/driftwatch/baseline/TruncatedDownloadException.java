package dev.driftwatch.baseline;

import java.io.IOException;

/** A download that ended before the length the server announced: a partial state, not a bad one. */
class TruncatedDownloadException extends IOException {

    TruncatedDownloadException(String message) {
        super(message);
    }
}
