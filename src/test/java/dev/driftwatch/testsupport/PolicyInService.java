package dev.driftwatch.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * One built-in policy put in force in the running service (its file copied into the service's policy
 * directory) and checked as a user sees it: a scan requested through the API, the finding as PostgreSQL
 * holds it ({@code /api/findings}), its event on {@code driftwatch.findings}. Closing removes the file
 * and waits until the service has dropped the policy, so the tests that share the service (or a changed
 * copy loaded next) run without it.
 */
public final class PolicyInService implements AutoCloseable {

    /** {@code driftwatch.policy.directories} of the test profile. */
    private static final Path DIRECTORY = Path.of("target/it-policies");

    private final String id;
    private final Path file;
    private final String region;

    private PolicyInService(String id, Path file, String region) {
        this.id = id;
        this.file = file;
        this.region = region;
    }

    /** Creates the test profile's policy directory if it is not there, so the service can read it. */
    public static void ensureDirectory() {
        try {
            Files.createDirectories(DIRECTORY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The built-in policy as shipped, scanned in {@code region} ({@code global} for IAM and S3). */
    public static PolicyInService load(String policyId, String region) {
        return load(policyId, region, UnaryOperator.identity());
    }

    /** The built-in policy with its text changed, as a team would adapt a copy (a variable, a limit). */
    public static PolicyInService load(String policyId, String region, UnaryOperator<String> edit) {
        try {
            Files.createDirectories(DIRECTORY);
            Path copy = DIRECTORY.resolve(policyId + ".yaml");
            Files.writeString(copy, edit.apply(Files.readString(builtIn(policyId))));
            PolicyInService policy = new PolicyInService(policyId, copy, region);
            try {
                // the policy directory is watched: a loaded machine can take longer than a quiet one to notice
                await().atMost(Duration.ofSeconds(30)).until(() -> listed(policyId));
            } catch (RuntimeException | AssertionError e) {
                Files.deleteIfExists(copy); // never left in force for the tests that follow
                throw e;
            }
            return policy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Scans; the policy has exactly one open violation, on this resource, with this message, and a
     * {@code finding.opened} event of kind VIOLATION announced it. Returns the finding's fingerprint.
     */
    public String assertOnlyViolation(String resourceId, String message) {
        try (FindingEventLog events = new FindingEventLog()) { // opened before the scan: it sees only later events
            String fingerprint = scanForOnlyViolation(resourceId, message);
            FindingEventLog.Event opened = events.await(List.of(fingerprint), 1).get(0);
            assertThat(opened.type()).isEqualTo("finding.opened");
            assertThat(opened.data().kind()).hasToString("VIOLATION");
            assertThat(opened.data().policyId()).isEqualTo(id);
            assertThat(opened.data().resourceId()).isEqualTo(resourceId);
            assertThat(opened.data().message()).isEqualTo(message);
            return fingerprint;
        }
    }

    /**
     * Scans; the policy's one open violation is still on this resource, now with this message. For the steps
     * of a finding that stays open (same resource, same fingerprint): a changed message only updates it, so
     * no {@code finding.opened} event is awaited.
     */
    public void assertStillOpen(String resourceId, String message) {
        scanForOnlyViolation(resourceId, message);
    }

    /** Scans; the violation with this fingerprint is resolved (and announced), and nothing else is open. */
    public void assertResolved(String fingerprint) {
        try (FindingEventLog events = new FindingEventLog()) {
            Scans.scanAndWait(region);
            assertThat(findings("OPEN")).as("open violations of %s", id).isEmpty();
            assertThat(findings("RESOLVED"))
                    .extracting(f -> f.get("fingerprint"))
                    .contains(fingerprint);
            assertThat(events.await(List.of(fingerprint), 1))
                    .extracting(FindingEventLog.Event::type)
                    .contains("finding.resolved");
        }
    }

    /** Scans; the policy has no open violation. */
    public void assertNoViolation() {
        Scans.scanAndWait(region);
        assertThat(findings("OPEN")).as("open violations of %s", id).isEmpty();
    }

    /** Scans; exactly one open violation of the policy, on this resource, with this message: its fingerprint. */
    private String scanForOnlyViolation(String resourceId, String message) {
        Scans.scanAndWait(region);
        List<Map<String, Object>> open = findings("OPEN");
        assertThat(open).as("open violations of %s", id).singleElement().satisfies(f -> {
            assertThat(f.get("resourceId")).isEqualTo(resourceId);
            assertThat(f.get("message")).isEqualTo(message);
        });
        return (String) open.get(0).get("fingerprint");
    }

    private List<Map<String, Object>> findings(String status) {
        JsonPath page = given().queryParam("kind", "VIOLATION")
                .queryParam("status", status)
                .queryParam("limit", 1000)
                .get("/api/findings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return page.<Map<String, Object>>getList("").stream()
                .filter(f -> id.equals(f.get("policyId")))
                .toList();
    }

    private static Path builtIn(String policyId) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("policies"))) {
            return files.filter(p -> p.getFileName().toString().equals(policyId + ".yaml"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no built-in policy " + policyId));
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !listed(id));
    }

    private static boolean listed(String policyId) {
        return given().get("/api/policies")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("policies.id")
                .contains(policyId);
    }
}
