package dev.driftwatch.baseline;

import java.util.Optional;

/** Account and region as an ARN states them ({@code arn:partition:service:region:account:resource}). */
final class ArnParts {

    private ArnParts() {}

    static Optional<String> region(String arn) {
        return part(arn, 3);
    }

    static Optional<String> account(String arn) {
        return part(arn, 4);
    }

    private static Optional<String> part(String arn, int index) {
        if (arn == null || !arn.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && !parts[index].isEmpty() ? Optional.of(parts[index]) : Optional.empty();
    }
}
