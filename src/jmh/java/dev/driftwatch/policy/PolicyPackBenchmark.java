package dev.driftwatch.policy;

import dev.driftwatch.inventory.ResourceTypes;
import dev.driftwatch.resource.CloudResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole built-in pack ({@code policies/}, read from the working directory) compiled, and evaluated over
 * N resources held in memory, under the service's per-resource time limit. Run with {@code bin/bench-policies}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 2, jvmArgsAppend = "-Xmx1g")
public class PolicyPackBenchmark {

    /** The service's default {@code driftwatch.policy.max-evaluation-time}. */
    private static final Duration TIME_LIMIT = Duration.ofSeconds(1);

    @Param("100000")
    int resources;

    private List<Path> files;
    private List<String> texts;
    private List<Policy> pack;
    private List<CloudResource> estate;

    @Setup
    public void setUp() throws IOException, PolicyException {
        try (Stream<Path> walk = Files.walk(Path.of("policies"))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        texts = new ArrayList<>();
        for (Path f : files) {
            texts.add(Files.readString(f));
        }
        pack = compilePack();
        estate = SyntheticEstate.of(resources);
        int violations = evaluate().violations().size();
        if (files.isEmpty() || violations == 0) { // a benchmark of nothing would look fast
            throw new IllegalStateException(files.size() + " policy files gave " + violations + " violations");
        }
        System.out.printf("%npolicies: %d, resources: %d, violations: %d%n", pack.size(), resources, violations);
    }

    /** Parse, CEL type-check and plan of every file of the pack. */
    @Benchmark
    public List<Policy> compilePack() throws PolicyException {
        PolicyCompiler compiler = new PolicyCompiler(ResourceTypes.COLLECTED, 4000, 32, 10000);
        List<Policy> compiled = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            compiled.add(compiler.compile(files.get(i).toString(), texts.get(i)));
        }
        return compiled;
    }

    /** The pack over every resource, as a scan evaluates it. */
    @Benchmark
    public PolicyEvaluator.Outcome evaluate() {
        return PolicyEvaluator.evaluate(pack, estate, Optional.empty(), TIME_LIMIT);
    }

    /** Resources shaped like the collectors' output, spread over the types the pack checks and a few it does not. */
    static final class SyntheticEstate {

        static List<CloudResource> of(int n) {
            List<CloudResource> resources = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                resources.add(
                        switch (i % 10) {
                            case 0, 1, 2 ->
                                resource(
                                        "aws_security_group",
                                        "sg-" + i,
                                        Map.of(
                                                "name",
                                                i % 50 == 0 ? "default" : "app-" + i,
                                                "vpc_id",
                                                "vpc-1",
                                                "tags",
                                                Map.of("team", "a"),
                                                "ingress",
                                                List.of(
                                                        rule("tcp", 443, 443, "0.0.0.0/0"),
                                                        rule(
                                                                "tcp",
                                                                i % 7 == 0 ? 22 : 5432,
                                                                i % 7 == 0 ? 22 : 5432,
                                                                i % 7 == 0 ? "0.0.0.0/0" : "10.0.0.0/8")),
                                                "egress",
                                                List.of(rule("-1", 0, 0, "0.0.0.0/0"))));
                            case 3, 4 ->
                                resource(
                                        "aws_instance",
                                        "i-" + i,
                                        Map.of(
                                                "instance_type",
                                                "t3.micro",
                                                "metadata_options",
                                                List.of(Map.of("http_tokens", i % 3 == 0 ? "optional" : "required")),
                                                "tags",
                                                i % 5 == 0 ? Map.of() : Map.of("owner", "x", "team", "y")));
                            case 5 ->
                                resource(
                                        "aws_ebs_volume",
                                        "vol-" + i,
                                        Map.of("encrypted", i % 4 != 0, "availability_zone", "us-east-1a"));
                            case 6 ->
                                resource(
                                        "aws_db_instance",
                                        "db-" + i,
                                        Map.of(
                                                "identifier",
                                                "db" + i,
                                                "deletion_protection",
                                                i % 2 == 0,
                                                "storage_encrypted",
                                                true,
                                                "publicly_accessible",
                                                false,
                                                "backup_retention_period",
                                                i % 14));
                            case 7 ->
                                resource(
                                        "aws_s3_bucket_versioning",
                                        "b-" + i,
                                        Map.of(
                                                "bucket",
                                                "b-" + i,
                                                "versioning_configuration",
                                                List.of(Map.of("status", i % 3 == 0 ? "Suspended" : "Enabled"))));
                            case 8 ->
                                resource(
                                        "aws_kms_key",
                                        "k-" + i,
                                        Map.of(
                                                "key_usage",
                                                "ENCRYPT_DECRYPT",
                                                "customer_master_key_spec",
                                                "SYMMETRIC_DEFAULT",
                                                "enable_key_rotation",
                                                i % 2 == 0,
                                                "description",
                                                "key"));
                            default -> resource("aws_sqs_queue", "q-" + i, Map.of("name", "q" + i, "tags", Map.of()));
                        });
            }
            return resources;
        }

        private static CloudResource resource(String type, String id, Map<String, Object> attributes) {
            return new CloudResource(type, id, "123456789012", "us-east-1", null, attributes, null);
        }

        private static Map<String, Object> rule(String protocol, int from, int to, String cidr) {
            return Map.of(
                    "protocol",
                    protocol,
                    "from_port",
                    from,
                    "to_port",
                    to,
                    "cidr_blocks",
                    List.of(cidr),
                    "ipv6_cidr_blocks",
                    List.of(),
                    "self",
                    false,
                    "description",
                    "");
        }
    }
}
