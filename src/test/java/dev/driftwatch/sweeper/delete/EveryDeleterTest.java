package dev.driftwatch.sweeper.delete;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.driftwatch.resource.IamActions;
import dev.driftwatch.resource.ResourceTypeCatalog;
import dev.driftwatch.resource.ResourceTypeDescriptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Every swept type has its deleter, and every deleter declares the IAM actions it calls in AWS's spelling. */
class EveryDeleterTest {

    /** Every deleter, as CDI would make them (RDS with the most permissive settings, so its actions are all listed). */
    static List<Deleter> all() {
        return List.of(
                new InstanceDeleter(),
                new SecurityGroupDeleter(),
                new EbsVolumeDeleter(),
                new EbsSnapshotDeleter(),
                new KeyPairDeleter(),
                new LaunchTemplateDeleter(),
                new AmiDeleter(),
                new EipDeleter(),
                new NatGatewayDeleter(),
                new NetworkInterfaceDeleter(),
                new VpcEndpointDeleter(),
                new InternetGatewayDeleter(),
                new SubnetDeleter(),
                new RouteTableDeleter(),
                new VpcDeleter(),
                new S3BucketDeleter(),
                new IamRoleDeleter(),
                new IamUserDeleter(),
                new IamPolicyDeleter(),
                new IamInstanceProfileDeleter(),
                new DbInstanceDeleter(true, true, Clock.systemUTC()),
                new KmsKeyDeleter(),
                new LambdaFunctionDeleter(),
                new SqsQueueDeleter(),
                new SnsTopicDeleter(),
                new DynamoDbTableDeleter(),
                new LogGroupDeleter());
    }

    @Test
    void everySweptTypeHasExactlyOneDeleterAndEveryDeleterASweptType() {
        Map<String, Long> deletersByType =
                all().stream().collect(Collectors.groupingBy(Deleter::resourceType, Collectors.counting()));
        assertThat(deletersByType)
                .as("deleters per type")
                .allSatisfy((type, count) -> assertThat(count).as(type).isEqualTo(1));
        List<String> swept = ResourceTypeCatalog.all().stream()
                .filter(ResourceTypeDescriptor::swept)
                .map(ResourceTypeDescriptor::type)
                .toList();
        assertThat(deletersByType.keySet()).containsExactlyInAnyOrderElementsOf(swept);
    }

    static final String ROLE_FILE = "deploy/terraform/member/sweeper-actions.json";
    static final String COMMAND = "./mvnw -B -o -q test -Dtest=EveryDeleterTest -Ddriftwatch.regenerate=true";

    /**
     * The sweeper role allows what the sweeper calls: the collectors' reads of the swept types (the plan and the
     * re-read before each delete), the guard's alias read, and the deleters' actions; nothing else.
     */
    @Test
    void theSweeperRoleAllowsExactlyWhatTheSweeperCalls() throws Exception {
        TreeSet<String> actions = new TreeSet<>(List.of("iam:ListAccountAliases"));
        ResourceTypeCatalog.all().stream().filter(ResourceTypeDescriptor::swept).forEach(d -> d.calls()
                .forEach(c -> actions.add(IamActions.of(c.service(), c.operation()))));
        all().forEach(d -> actions.addAll(d.iamActions()));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("generated_by", COMMAND);
        root.put("actions", actions);
        String expected =
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        if (Boolean.getBoolean("driftwatch.regenerate")) {
            Files.writeString(Path.of(ROLE_FILE), expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(Path.of(ROLE_FILE)))
                .as(ROLE_FILE + " is stale; run " + COMMAND)
                .isEqualTo(expected);
    }

    @Test
    void everyDeleterIsABean() {
        assertThat(all()).allSatisfy(d -> assertThat(d.getClass().isAnnotationPresent(ApplicationScoped.class))
                .as(d.getClass().getSimpleName())
                .isTrue());
    }

    @Test
    void iamActionsAreServiceColonActionWithoutDuplicates() {
        for (Deleter deleter : all()) {
            assertThat(deleter.iamActions())
                    .as(deleter.resourceType())
                    .isNotEmpty()
                    .doesNotHaveDuplicates()
                    .allMatch(a -> a.matches("[a-z0-9-]+:[A-Z][A-Za-z0-9]+"), "service:Action");
        }
    }

    @Test
    void eachDeletersActionsAreOfItsTypesService() {
        Map<String, ResourceTypeDescriptor> byType = ResourceTypeCatalog.all().stream()
                .collect(Collectors.toMap(ResourceTypeDescriptor::type, Function.identity()));
        for (Deleter deleter : all()) {
            // the descriptor's service is the collector's; EC2 actions are all "ec2:" whether VPC or compute
            String service = byType.get(deleter.resourceType()).service();
            assertThat(deleter.iamActions()).as(deleter.resourceType()).allMatch(a -> a.startsWith(service + ":"));
        }
    }

    @Test
    void rdsAsksForModifyAndSnapshotOnlyWhenConfiguredTo() {
        assertThat(new DbInstanceDeleter(false, false, Clock.systemUTC()).iamActions())
                .containsExactlyInAnyOrder("rds:DeleteDBInstance", "rds:DescribeDBInstances");
        assertThat(new DbInstanceDeleter(true, true, Clock.systemUTC()).iamActions())
                .contains("rds:ModifyDBInstance", "rds:CreateDBSnapshot");
    }

    @Test
    void errorCodesMetInTheDeletersAreClassified() {
        assertThat(DeleteErrors.dependency(error("VolumeInUse", "Volume vol-1 is currently attached to i-1")))
                .isTrue();
        assertThat(DeleteErrors.gone(error("NatGatewayNotFound", "The Nat Gateway nat-1 was not found")))
                .isTrue();
        assertThat(DeleteErrors.gone(error("InvalidLaunchTemplateName.NotFoundException", "does not exist")))
                .isTrue();
        // RDS refusing a protected instance is neither: it stays refused whatever the sweeper deletes first
        AwsServiceException protectedDb = error("InvalidParameterCombination", "Cannot delete protected DB Instance");
        assertThat(DeleteErrors.dependency(protectedDb)).isFalse();
        assertThat(DeleteErrors.gone(protectedDb)).isFalse();
        assertThat(DeleteErrors.dependency(new DeletionProtectedException("aws_db_instance", "db1", "kept")))
                .isFalse();
    }

    private static AwsServiceException error(String code, String message) {
        return AwsServiceException.builder()
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(message)
                        .build())
                .build();
    }
}
