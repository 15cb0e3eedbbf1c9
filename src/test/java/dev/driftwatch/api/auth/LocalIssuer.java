package dev.driftwatch.api.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * An identity provider in miniature: an RSA key whose public half a local JWKS endpoint serves, and tokens signed
 * with it. The key is kept in a file, so the profile (which starts the endpoint) and the tests (which sign) share
 * it across class loaders (the endpoint may be started in each; all serve the one key).
 */
final class LocalIssuer {

    static final String ISSUER = "https://issuer.driftwatch.test";
    static final String AUDIENCE = "driftwatch";
    /** One key per test JVM: the profile and the tests may load this class in different class loaders. */
    private static final Path KEY =
            Path.of("target/local-issuer/key-" + ProcessHandle.current().pid() + ".json");

    private static HttpServer server;

    private LocalIssuer() {}

    /** Starts the JWKS endpoint (once per JVM) and answers its base URL. */
    static synchronized String start() {
        try {
            if (server == null) {
                Files.createDirectories(KEY.getParent());
                RSAKey key;
                if (Files.exists(KEY)) {
                    key = key();
                } else {
                    key = new RSAKeyGenerator(2048)
                            .keyID("local-" + System.nanoTime())
                            .generate();
                    Files.writeString(KEY, key.toJSONString());
                }
                byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.createContext("/jwks", exchange -> {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, jwks.length);
                    exchange.getResponseBody().write(jwks);
                    exchange.close();
                });
                server.start();
            }
            return "http://127.0.0.1:" + server.getAddress().getPort();
        } catch (IOException | com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("The local issuer cannot start", e);
        }
    }

    /** A valid token for {@code subject} in {@code groups}. */
    static String token(String subject, String... groups) {
        return sign(claims(subject, ISSUER, AUDIENCE, Instant.now().plusSeconds(300), groups), key());
    }

    static JWTClaimsSet claims(String subject, String issuer, String audience, Instant expiry, String... groups) {
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("preferred_username", subject)
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(Instant.now().minusSeconds(600)))
                .expirationTime(Date.from(expiry))
                .claim("groups", List.of(groups))
                .build();
    }

    static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same claims, unsigned, with {@code alg: none}. */
    static String unsigned(JWTClaimsSet claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    static RSAKey key() {
        try {
            return RSAKey.parse(Files.readString(KEY));
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("No local issuer key in " + KEY, e);
        }
    }
}
