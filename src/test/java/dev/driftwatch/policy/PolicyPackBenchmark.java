package dev.driftwatch.policy;

import dev.driftwatch.inventory.ResourceTypes;
import dev.driftwatch.resource.CloudResource;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Benchmark command (not a test): the whole built-in pack over N resources held in memory. Run with
 * {@code bin/bench-policies [N]}; reports pack compile time, evaluation time and allocation.
 */
public final class PolicyPackBenchmark {

    private PolicyPackBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<String> texts = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("policies"))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path f : files) {
            texts.add(Files.readString(f));
        }
        long compileStart = System.nanoTime();
        List<Policy> pack = compile(files, texts);
        long coldCompile = System.nanoTime() - compileStart;
        for (int i = 0; i < 20; i++) {
            compile(files, texts);
        }
        long warmStart = System.nanoTime();
        compile(files, texts);
        long warmCompile = System.nanoTime() - warmStart;

        List<CloudResource> resources = SyntheticEstate.of(n);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] times = new long[8];
        long[] allocated = new long[8];
        int violations = 0;
        for (int run = 0; run < times.length; run++) {
            long bytes = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            violations = PolicyEvaluator.evaluate(pack, resources, Optional.empty(), Duration.ofSeconds(1)).violations().size();
            times[run] = System.nanoTime() - start;
            allocated[run] = threads.getCurrentThreadAllocatedBytes() - bytes;
        }
        long[] measured = Arrays.copyOfRange(times, 3, times.length); // the first three warm the JIT
        Arrays.sort(measured);
        System.out.printf("policies: %d, resources: %d, violations: %d%n", pack.size(), n, violations);
        System.out.printf("pack compile: cold %.0f ms, warm %.1f ms%n", coldCompile / 1e6, warmCompile / 1e6);
        System.out.printf("evaluation: first %.0f ms, warm median %.0f ms (min %.0f, max %.0f) over %d runs%n", times[0] / 1e6,
                measured[measured.length / 2] / 1e6, measured[0] / 1e6, measured[measured.length - 1] / 1e6, measured.length);
        System.out.printf("allocation per warm evaluation: %.0f MB (%.0f bytes per resource)%n", allocated[times.length - 1] / 1e6,
                (double) allocated[times.length - 1] / n);
        System.out.printf("heap used after: %.0f MB of max %.0f MB%n",
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
    }

    private static List<Policy> compile(List<Path> files, List<String> texts) throws PolicyException {
        PolicyCompiler compiler = new PolicyCompiler(ResourceTypes.COLLECTED, 4000, 32, 10000);
        List<Policy> pack = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            pack.add(compiler.compile(files.get(i).toString(), texts.get(i)));
        }
        return pack;
    }

    /** Resources shaped like the collectors' output, spread over the types the pack checks and a few it does not. */
    static final class SyntheticEstate {

        static List<CloudResource> of(int n) {
            List<CloudResource> resources = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                resources.add(switch (i % 10) {
                    case 0, 1, 2 -> resource("aws_security_group", "sg-" + i, Map.of("name", i % 50 == 0 ? "default" : "app-" + i,
                            "vpc_id", "vpc-1", "tags", Map.of("team", "a"),
                            "ingress", List.of(rule("tcp", 443, 443, "0.0.0.0/0"), rule("tcp", i % 7 == 0 ? 22 : 5432, i % 7 == 0 ? 22 : 5432,
                                    i % 7 == 0 ? "0.0.0.0/0" : "10.0.0.0/8")),
                            "egress", List.of(rule("-1", 0, 0, "0.0.0.0/0"))));
                    case 3, 4 -> resource("aws_instance", "i-" + i, Map.of("instance_type", "t3.micro",
                            "metadata_options", List.of(Map.of("http_tokens", i % 3 == 0 ? "optional" : "required")),
                            "tags", i % 5 == 0 ? Map.of() : Map.of("owner", "x", "team", "y")));
                    case 5 -> resource("aws_ebs_volume", "vol-" + i, Map.of("encrypted", i % 4 != 0, "availability_zone", "us-east-1a"));
                    case 6 -> resource("aws_db_instance", "db-" + i, Map.of("identifier", "db" + i, "deletion_protection", i % 2 == 0,
                            "storage_encrypted", true, "publicly_accessible", false, "backup_retention_period", i % 14));
                    case 7 -> resource("aws_s3_bucket_versioning", "b-" + i, Map.of("bucket", "b-" + i,
                            "versioning_configuration", List.of(Map.of("status", i % 3 == 0 ? "Suspended" : "Enabled"))));
                    case 8 -> resource("aws_kms_key", "k-" + i, Map.of("key_usage", "ENCRYPT_DECRYPT", "customer_master_key_spec",
                            "SYMMETRIC_DEFAULT", "enable_key_rotation", i % 2 == 0, "description", "key"));
                    default -> resource("aws_sqs_queue", "q-" + i, Map.of("name", "q" + i, "tags", Map.of()));
                });
            }
            return resources;
        }

        private static CloudResource resource(String type, String id, Map<String, Object> attributes) {
            return new CloudResource(type, id, "123456789012", "us-east-1", null, attributes, null);
        }

        private static Map<String, Object> rule(String protocol, int from, int to, String cidr) {
            return Map.of("protocol", protocol, "from_port", from, "to_port", to, "cidr_blocks", List.of(cidr),
                    "ipv6_cidr_blocks", List.of(), "self", false, "description", "");
        }
    }
}
