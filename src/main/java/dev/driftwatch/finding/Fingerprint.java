package dev.driftwatch.finding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A finding's identity across scans: SHA-256 of kind, account, region, type, id and policy id. Never
 * the policy version or the diff, so a finding is updated, not reopened, while it lasts.
 */
public final class Fingerprint {

    private Fingerprint() {}

    public static String of(FindingKind kind, String account, String region, String type, String id, String policyId) {
        String identity =
                String.join("\u001f", kind.name(), account, region, type, id, policyId == null ? "" : policyId);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
