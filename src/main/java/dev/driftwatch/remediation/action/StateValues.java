package dev.driftwatch.remediation.action;

import java.math.BigDecimal;

/**
 * A state's value a drift revert is about to write, as the kind of value the setting takes. A value of another
 * kind is not guessed at: nothing is written, and the reason says which value.
 */
final class StateValues {

    private StateValues() {}

    /** @throws IllegalArgumentException when the value is not true or false */
    static boolean bool(String attribute, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw unfit(attribute, value, "true or false");
    }

    /** @throws IllegalArgumentException when the value is not a whole number */
    static int whole(String attribute, Object value) {
        if (value instanceof Number n) {
            try {
                return new BigDecimal(n.toString()).intValueExact();
            } catch (ArithmeticException e) {
                throw unfit(attribute, value, "a whole number");
            }
        }
        throw unfit(attribute, value, "a whole number");
    }

    /** @throws IllegalArgumentException when the value is not a non-empty text */
    static String text(String attribute, Object value) {
        if (value instanceof String s && !s.isEmpty()) {
            return s;
        }
        throw unfit(attribute, value, "a text");
    }

    static IllegalArgumentException unfit(String attribute, Object value, String kind) {
        return new IllegalArgumentException(
                "the state's " + attribute + " is " + value + ", not " + kind + " driftwatch can write");
    }
}
