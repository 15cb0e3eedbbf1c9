package dev.driftwatch.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API token secrets: {@value #PREFIX} and 256 random bits. Only their SHA-256 is stored: with that much
 * entropy a slow password hash buys nothing, and a plain digest can be looked up by index on every request.
 */
public final class TokenSecrets {

    /** Marks a driftwatch API token, so it is never mistaken for an OIDC token (and secret scanners find it). */
    public static final String PREFIX = "dwt_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {}

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean looksLikeToken(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
