package dev.driftwatch.outbox;

/** A message that is not an event of the format it was read as: never guessed at, always refused. */
public class UnreadableEventException extends RuntimeException {

    UnreadableEventException(String message) {
        super(message);
    }

    UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
