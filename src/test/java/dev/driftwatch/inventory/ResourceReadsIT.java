package dev.driftwatch.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.aws.AwsApiCallCounter;
import dev.driftwatch.aws.AwsClients;
import dev.driftwatch.aws.Purpose;
import dev.driftwatch.inventory.kms.KmsKeyCollector;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoAws;
import dev.driftwatch.testsupport.MotoFront;
import dev.driftwatch.testsupport.MotoSession;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

/**
 * KMS keys whose key policy refuses DescribeKey, on the wire: moto behind a front that answers
 * AccessDeniedException for the keys a test names, read through the service's own clients and session.
 */
class ResourceReadsIT {

    private static final Set<String> REFUSED = ConcurrentHashMap.newKeySet();

    /** KMS as moto serves it, except for the keys in {@link #REFUSED}. */
    static class KeyPolicies extends MotoFront {

        KeyPolicies() {
            super("kms");
        }

        @Override
        protected Reply answer(String form, Supplier<Reply> moto) {
            // every call naming the key, as its key policy would; DescribeKey is the first the collector makes
            if (REFUSED.stream().anyMatch(id -> form.contains("\"" + id + "\""))) {
                return new Reply(
                        400, "{\"__type\":\"AccessDeniedException\",\"message\":\"not allowed by the key policy\"}");
            }
            return moto.get();
        }
    }

    private final KmsClient kms = MotoSession.in("us-east-1").kms();
    private final KeyPolicies front = new KeyPolicies();
    private AwsClients clients;
    private TargetSession session;

    @BeforeEach
    void start() {
        Moto.reset();
        REFUSED.clear();
        URI endpoint = URI.create(front.start().get("driftwatch.aws.service-endpoints.kms"));
        MotoAws config = new MotoAws() {
            @Override
            public Optional<URI> endpointOverride() {
                return Optional.of(endpoint);
            }
        };
        clients = new AwsClients(config, new AwsApiCallCounter(new SimpleMeterRegistry()));
        session = new TargetSession(MotoAws.sessions(clients, config).session(Moto.ACCOUNT, Purpose.READ, "us-east-1"));
    }

    @AfterEach
    void stop() {
        clients.close();
        front.stop();
    }

    @Test
    void aKeyRefusingDescribeKeyIsUnknownAndTheOtherKeysAreRead() {
        String refused = key("locked down");
        String readable = key("app key");
        REFUSED.add(refused);

        var keys = new KmsKeyCollector().collect(session);

        assertThat(keys).extracting(CloudResource::id).containsExactly(readable);
        assertThat(session.unknownResources()).singleElement().satisfies(gap -> {
            assertThat(gap.resourceType()).isEqualTo("aws_kms_key");
            assertThat(gap.resourceId()).isEqualTo(refused);
            assertThat(gap.service()).isEqualTo("kms");
            assertThat(gap.reason()).isEqualTo("DescribeKey: AWS refused the call: AccessDeniedException (HTTP 400)");
        });
    }

    @Test
    void keysThatAllRefuseLeaveTheWholeTypeUnread() {
        REFUSED.add(key("one"));
        REFUSED.add(key("two"));

        assertThatThrownBy(() -> new KmsKeyCollector().collect(session)).isInstanceOf(AwsServiceException.class);
        assertThat(session.unknownResources()).isEmpty();
    }

    private String key(String description) {
        return kms.createKey(r -> r.description(description).keyUsage(KeyUsageType.ENCRYPT_DECRYPT))
                .keyMetadata()
                .keyId();
    }
}
