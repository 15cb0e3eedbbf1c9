package dev.driftwatch.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.testsupport.MotoAws;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A source configured so that it cannot work stops start-up, naming the property. */
class StateSourcesTest {

    private static final String S3 = "driftwatch.baseline.s3.\"net\".";
    private static final String HTTP = "driftwatch.baseline.http.\"gitlab\".";

    @Test
    void everyKindOfSourceIsBuiltWithItsLabel() {
        List<StateSource> sources = StateSources.from(
                BaselineConfigs.of(Map.of(
                        "driftwatch.baseline.terraform.paths",
                        "/states/a.tfstate,/states/b",
                        S3 + "bucket",
                        "states",
                        S3 + "key",
                        "net/terraform.tfstate",
                        HTTP + "url",
                        "https://gitlab.example.com/api/v4/projects/1/terraform/state/prod",
                        HTTP + "headers.PRIVATE-TOKEN",
                        "glpat-x")),
                MotoAws.sharedClients());
        try {
            assertThat(sources)
                    .extracting(StateSource::label)
                    .containsExactly("terraform.paths", "terraform.paths", "s3.net", "http.gitlab");
        } finally {
            sources.forEach(StateSource::close);
        }
    }

    @Test
    void anS3SourceNeedsExactlyOneOfKeyAndPrefix() {
        assertInvalid(Map.of(S3 + "bucket", "states"), S3 + "key: set either key");
        assertInvalid(
                Map.of(S3 + "bucket", "states", S3 + "key", "a.tfstate", S3 + "prefix", "x/"),
                S3 + "key: set either key");
    }

    @Test
    void credentialSettingsMustFitTogether() {
        assertInvalid(
                Map.of(S3 + "bucket", "s", S3 + "key", "k", S3 + "external-id", "x"),
                S3 + "external-id: needs role-arn");
        assertInvalid(Map.of(S3 + "bucket", "s", S3 + "key", "k", S3 + "access-key-id", "AKIA"), S3 + "access-key-id:");
        assertInvalid(
                Map.of(S3 + "bucket", "s", S3 + "key", "k", S3 + "workspace-key-prefix", "env:/"),
                S3 + "workspace-key-prefix:");
    }

    @Test
    void aBucketInAnotherAccountNeedsItsOwnerAndTheOwnerIsAnAccountId() {
        String role = "arn:aws:iam::222233334444:role/reader";
        assertInvalid(
                Map.of(S3 + "bucket", "s", S3 + "key", "k", S3 + "role-arn", role),
                S3
                        + "expected-bucket-owner: required with role-arn (the bucket is in another account): the 12-digit id of the account"
                        + " that owns bucket s");
        assertInvalid(
                Map.of(
                        S3 + "bucket",
                        "s",
                        S3 + "key",
                        "k",
                        S3 + "role-arn",
                        role,
                        S3 + "expected-bucket-owner",
                        "2222-3333-4444"),
                S3 + "expected-bucket-owner: must be a 12-digit AWS account id");
        assertInvalid(
                Map.of(S3 + "bucket", "s", S3 + "key", "k", S3 + "api-call-timeout", "0s"),
                S3 + "api-call-timeout: must be positive");
    }

    @Test
    void theReadLimitsAreCheckedNamingTheProperty() {
        assertThatThrownBy(() -> new ReadLimits(0, 0.5, java.time.Duration.ofMinutes(1)))
                .hasMessage("driftwatch.baseline.vanished-rounds: must be at least 1");
        assertThatThrownBy(() -> new ReadLimits(3, 1.5, java.time.Duration.ofMinutes(1)))
                .hasMessage("driftwatch.baseline.max-vanished-share: must be between 0 and 1");
        assertThatThrownBy(() -> ReadLimits.of(BaselineConfigs.of(Map.of("driftwatch.baseline.max-wait", "0s"))))
                .hasMessage("driftwatch.baseline.max-wait: must be positive");
    }

    @Test
    void anHttpSourceNeedsAnHttpAddress() {
        assertInvalid(
                Map.of(HTTP + "url", "ftp://example.com/state"), HTTP + "url: must be an http:// or https:// address");
        assertInvalid(
                Map.of(HTTP + "url", "https://example.com/state", HTTP + "timeout", "0s"),
                HTTP + "timeout: must be positive");
    }

    @Test
    void providerLocationsOfASourceWinOverTheGlobalOnes() {
        Map<String, String> props = new HashMap<>(Map.of(
                "driftwatch.baseline.providers.\"aws.west\".region",
                "us-west-2",
                "driftwatch.baseline.providers.\"aws.west\".account",
                "111111111111",
                "driftwatch.baseline.providers.\"aws.east\".region",
                "us-east-1",
                HTTP + "url",
                "https://example.com/state",
                HTTP + "providers.\"aws.west\".region",
                "us-west-1",
                HTTP + "default-account",
                "222222222222"));
        StateSource http = StateSources.from(BaselineConfigs.of(props), MotoAws.sharedClients())
                .get(0);

        StateLocations locations = http.locations();

        assertThat(locations.ofProvider("provider[\"registry.terraform.io/hashicorp/aws\"].west"))
                .hasValue(new StateLocations.Location(java.util.Optional.empty(), java.util.Optional.of("us-west-1")));
        assertThat(locations
                        .ofProvider("provider[\"registry.terraform.io/hashicorp/aws\"].east")
                        .flatMap(StateLocations.Location::region))
                .hasValue("us-east-1");
        assertThat(locations.defaultAccount()).hasValue("222222222222");
        assertThat(locations.settings()).isEqualTo("driftwatch.baseline.http.\"gitlab\"");
    }

    private static void assertInvalid(Map<String, String> props, String message) {
        assertThatThrownBy(() -> StateSources.from(BaselineConfigs.of(props), MotoAws.sharedClients()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }
}
