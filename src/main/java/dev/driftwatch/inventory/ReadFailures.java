package dev.driftwatch.inventory;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Turns an SDK failure into a short reason a platform engineer can act on. */
public final class ReadFailures {

    private ReadFailures() {}

    public static String describe(Throwable e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            String code = aws.awsErrorDetails().errorCode();
            String kind = aws.isThrottlingException() ? "throttled past retries" : "AWS refused the call";
            return kind + ": " + code + " (HTTP " + aws.statusCode() + ")";
        }
        if (e instanceof SdkClientException) {
            return "endpoint unreachable: " + firstLine(rootMessage(e));
        }
        return e.getClass().getSimpleName() + ": " + firstLine(rootMessage(e));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage() == null ? e.getMessage() : root.getMessage());
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
