package dev.driftwatch.drift;

import static dev.driftwatch.testsupport.SecurityGroups.rule;

import dev.driftwatch.baseline.ExpectedResource;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
 * N live resources against a state of N, through the service's comparator and every normaliser, all in memory.
 * Run with {@code bin/bench-drift}. The heap limit is the fork's ({@code -Xmx1g}; {@code -jvmArgsAppend -Xmx512m}
 * for less): a compare that does not fit fails the run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 2, jvmArgsAppend = "-Xmx1g")
public class DriftComparatorBenchmark {

    @Param("100000")
    int resources;

    private DriftComparator comparator;
    private SyntheticDrift estate;

    @Setup
    public void setUp() throws IOException {
        comparator = DriftCheck.comparator();
        estate = SyntheticDrift.of(resources);
        Map<DriftKind, Integer> kinds = new EnumMap<>(DriftKind.class);
        compare().forEach(d -> kinds.merge(d.kind(), 1, Integer::sum));
        if (!kinds.equals(new EnumMap<>(estate.planted()))) { // measure the comparison that finds what was planted
            throw new IllegalStateException("drift found " + kinds + ", planted " + estate.planted());
        }
    }

    @Benchmark
    public List<DriftObservation> compare() {
        return comparator
                .compare(estate.live(), estate.expected(), estate.readTypes(), true)
                .observations();
    }

    /**
     * A state of N resources over ten types, shaped as the AWS provider writes them (computed attributes the
     * collectors do not read included), and the live side as the collectors report it. Drift is planted:
     * 1% retagged, 0.5% deleted in the cloud, and as many unmanaged resources added, so the live side
     * also holds N resources.
     */
    record SyntheticDrift(
            List<CloudResource> live,
            List<ExpectedResource> expected,
            Set<String> readTypes,
            Map<DriftKind, Integer> planted) {

        static SyntheticDrift of(int n) {
            List<CloudResource> live = new ArrayList<>(n);
            List<ExpectedResource> expected = new ArrayList<>(n);
            Set<String> types = new HashSet<>();
            int changed = 0;
            int missing = 0;
            for (int i = 0; i < n; i++) {
                CloudResource want = resource(i, "team-" + i % 7, true);
                types.add(want.type());
                expected.add(new ExpectedResource(
                        want, want.type() + ".r[" + i + "]", "states/stack-" + i % 50 + ".tfstate"));
                if (i % 200 == 1) {
                    missing++;
                    live.add(resource(n + i, "nobody", false)); // and an unmanaged one in its place
                } else {
                    boolean retagged = i % 100 == 0;
                    changed += retagged ? 1 : 0;
                    live.add(resource(i, retagged ? "changed-by-hand" : "team-" + i % 7, false));
                }
            }
            return new SyntheticDrift(
                    live,
                    expected,
                    types,
                    Map.of(DriftKind.CHANGED, changed, DriftKind.MISSING, missing, DriftKind.UNMANAGED, missing));
        }

        private static CloudResource resource(int i, String team, boolean state) {
            Map<String, Object> tags = Map.of("Name", "r-" + i, "Team", team);
            Map<String, Object> a = new LinkedHashMap<>();
            String type =
                    switch (i % 10) {
                        case 0, 1, 2 -> {
                            a.put("id", "sg-" + i);
                            a.put("name", "app-" + i);
                            a.put("description", "app " + i);
                            a.put("vpc_id", "vpc-" + i % 40);
                            a.put("owner_id", "123456789012");
                            a.put(
                                    "ingress",
                                    List.of(
                                            rule("tcp", 443, 443, "10.0.0.0/8"),
                                            rule("tcp", 8000 + i % 50, 8000 + i % 50, "10.1.0.0/16")));
                            a.put("egress", List.of(rule("-1", 0, 0, "0.0.0.0/0")));
                            yield "aws_security_group";
                        }
                        case 3 -> {
                            a.put("id", "i-" + i);
                            a.put("instance_type", "t3.micro");
                            a.put("ami", "ami-" + i % 20);
                            a.put("subnet_id", "subnet-" + i % 60);
                            a.put("vpc_security_group_ids", List.of("sg-" + (i - 3), "sg-" + (i - 2)));
                            a.put(
                                    "metadata_options",
                                    List.of(Map.of("http_tokens", "required", "http_endpoint", "enabled")));
                            a.put(
                                    "root_block_device",
                                    List.of(Map.of("volume_size", 20, "volume_type", "gp3", "encrypted", true)));
                            yield "aws_instance";
                        }
                        case 4 -> {
                            a.put("id", "role-" + i);
                            a.put("arn", "arn:aws:iam::123456789012:role/role-" + i);
                            a.put("name", "role-" + i);
                            a.put(
                                    "assume_role_policy",
                                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                                            + "\"sts:AssumeRole\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}}]}");
                            a.put("description", "role " + i);
                            a.put("max_session_duration", 3600);
                            a.put("path", "/");
                            a.put("permissions_boundary", "");
                            a.put("unique_id", "AROA" + i);
                            yield "aws_iam_role";
                        }
                        case 5 -> {
                            a.put("id", "bucket-" + i);
                            a.put("bucket", "bucket-" + i);
                            a.put("arn", "arn:aws:s3:::bucket-" + i);
                            a.put("object_lock_enabled", false);
                            yield "aws_s3_bucket";
                        }
                        case 6 -> {
                            a.put("id", "bucket-" + (i - 1));
                            a.put("bucket", "bucket-" + (i - 1));
                            a.put("expected_bucket_owner", "");
                            a.put("versioning_configuration", List.of(Map.of("status", "Enabled", "mfa_delete", "")));
                            yield "aws_s3_bucket_versioning";
                        }
                        case 7 -> {
                            a.put("id", "vol-" + i);
                            a.put("availability_zone", "us-east-1a");
                            a.put("size", 20 + i % 100);
                            a.put("type", "gp3");
                            a.put("encrypted", true);
                            a.put("iops", 3000);
                            a.put("throughput", 125);
                            yield "aws_ebs_volume";
                        }
                        case 8 -> {
                            a.put("id", "https://sqs.us-east-1.amazonaws.com/123456789012/q-" + i);
                            a.put("name", "q-" + i);
                            a.put("visibility_timeout_seconds", 30);
                            a.put("message_retention_seconds", 345600);
                            a.put("sqs_managed_sse_enabled", true);
                            yield "aws_sqs_queue";
                        }
                        default -> {
                            a.put("id", "sgr-" + i);
                            a.put("security_group_id", "sg-" + (i - 9));
                            a.put("cidr_ipv4", "10.2.0.0/16");
                            a.put("from_port", 22);
                            a.put("to_port", 22);
                            a.put("ip_protocol", "tcp");
                            yield "aws_vpc_security_group_ingress_rule";
                        }
                    };
            if (!type.equals("aws_s3_bucket_versioning") && !type.equals("aws_vpc_security_group_ingress_rule")) {
                a.put("tags", tags);
            }
            if (state) { // what a state holds besides: default tags merged in tags_all, computed attributes
                if (a.containsKey("tags")) {
                    Map<String, Object> all = new LinkedHashMap<>(tags);
                    a.put("tags_all", all);
                }
                for (int k = 0; k < 12; k++) {
                    a.put("computed_" + k, k % 2 == 0 ? "value-" + i + "-" + k : List.of());
                }
                a.put("timeouts", null);
            }
            return new CloudResource(
                    type,
                    String.valueOf(a.get("id")),
                    "123456789012",
                    "us-east-1",
                    a.containsKey("arn") ? a.get("arn").toString() : null,
                    a,
                    null);
        }
    }
}
