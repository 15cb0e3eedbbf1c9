package dev.driftwatch.inventory.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.drift.DriftKind;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.LambdaCode;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

class LambdaFunctionCollectorIT {

    private final MotoSession session = MotoSession.in("us-east-1");
    private final LambdaFunctionCollector collector = new LambdaFunctionCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsByNameInTheProviderShapeWithoutEnvironmentAndSeesTheMemoryChanged() throws Exception {
        String role = session.iam()
                .createRole(
                        r -> r.roleName("fn-role")
                                .assumeRolePolicyDocument(
                                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"))
                .role()
                .arn();
        LambdaClient lambda = session.lambda();
        SdkBytes code = LambdaCode.zip();
        lambda.createFunction(r -> r.functionName("fn1")
                .role(role)
                .handler("lambda.handler")
                .runtime(Runtime.PYTHON3_12)
                .memorySize(256)
                .timeout(10)
                .code(c -> c.zipFile(code))
                .environment(e -> e.variables(Map.of("SECRET", "x")))
                .tags(Map.of("Team", "app")));
        Map<String, Object> state = state();

        CloudResource live = DriftCheck.find(collector.collect(session), "fn1");
        assertThat(live.arn()).isEqualTo("arn:aws:lambda:us-east-1:" + Moto.ACCOUNT + ":function:fn1");
        assertThat(live.attributes())
                .containsEntry("runtime", "python3.12")
                .containsEntry("memory_size", 256)
                .containsEntry("tags", Map.of("Team", "app"))
                .doesNotContainKey("environment");
        assertThat(live.attributes().toString()).doesNotContain("SECRET");
        assertThat(live.createdAt()).isNull(); // Lambda reports no creation time
        assertThat(DriftCheck.compare(live, state)).isEmpty();

        lambda.updateFunctionConfiguration(r -> r.functionName("fn1").memorySize(1024));
        CloudResource changed = DriftCheck.find(collector.collect(session), "fn1");
        assertThat(DriftCheck.compare(changed, state)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("memory_size");
                assertThat(d.actual()).isEqualTo(1024);
            });
        });
    }

    /** The function as provider 5.100 wrote it (terraform apply against moto); the state keeps the environment, the live side never. */
    private static Map<String, Object> state() throws Exception {
        String json = """
                {"architectures": ["x86_64"], "arn": "arn:aws:lambda:us-east-1:123456789012:function:fn1",
                 "code_sha256": "yhB914ReZI0AfDVaNjCfcgIHLd4dR6r1MoHFuSumddQ=", "code_signing_config_arn": "", "dead_letter_config": [],
                 "description": "", "environment": [{"variables": {"SECRET": "x"}}], "ephemeral_storage": [{"size": 512}],
                 "file_system_config": [], "filename": "fn.zip", "function_name": "fn1", "handler": "lambda.handler", "id": "fn1",
                 "image_config": [], "image_uri": "",
                 "invoke_arn": "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:fn1/invocations",
                 "kms_key_arn": "", "last_modified": "2026-11-22T17:02:33.557096000Z", "layers": null, "logging_config": [],
                 "memory_size": 256, "package_type": "Zip", "publish": false,
                 "qualified_arn": "arn:aws:lambda:us-east-1:123456789012:function:fn1:$LATEST",
                 "qualified_invoke_arn": "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:fn1:$LATEST/invocations",
                 "replace_security_groups_on_destroy": null, "replacement_security_group_ids": null, "reserved_concurrent_executions": -1,
                 "role": "arn:aws:iam::123456789012:role/fn-role", "runtime": "python3.12", "s3_bucket": null, "s3_key": null,
                 "s3_object_version": null, "signing_job_arn": "", "signing_profile_version_arn": "", "skip_destroy": false, "snap_start": [],
                 "source_code_hash": "", "source_code_size": 148, "tags": {"Team": "app"}, "tags_all": {"Team": "app"}, "timeout": 10,
                 "timeouts": null, "tracing_config": [{"mode": "PassThrough"}], "version": "$LATEST", "vpc_config": []}
                """;
        return new ObjectMapper().readValue(json, new TypeReference<Map<String, Object>>() {});
    }
}
