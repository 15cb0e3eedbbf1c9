package dev.driftwatch.baseline;

import java.util.Optional;

/** Account and region as an ARN states them ({@code arn:partition:service:region:account:resource}). */
final class ArnParts {

    private ArnParts() {
    }

    static Optional<String> region(String arn) {
        return part(arn, 3);
    }

    static Optional<String> account(String arn) {
        return part(arn, 4);
    }

    /**
     * The ARN with the account filled in where the provider left it empty: with {@code skip_requesting_account_id}
     * it builds some ARNs ({@code arn:aws:ec2:us-east-1::security-group-rule/sgr-1}) without knowing the account.
     * ARNs that name no region either (S3's {@code arn:aws:s3:::bucket}) have no account by design and are kept.
     */
    static String withAccount(String arn, String account) {
        if (arn == null || !arn.startsWith("arn:")) {
            return arn;
        }
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || parts[3].isEmpty() || !parts[4].isEmpty()) {
            return arn;
        }
        parts[4] = account;
        return String.join(":", parts);
    }

    private static Optional<String> part(String arn, int index) {
        if (arn == null || !arn.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && !parts[index].isEmpty() ? Optional.of(parts[index]) : Optional.empty();
    }
}
