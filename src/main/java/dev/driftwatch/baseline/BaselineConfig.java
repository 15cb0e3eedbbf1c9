package dev.driftwatch.baseline;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where expected state comes from: local files, S3 backends and HTTP backends, each with its own settings. */
@ConfigMapping(prefix = "driftwatch.baseline")
public interface BaselineConfig {

    String ACCOUNT = "\\d{12}";
    String ACCOUNT_MESSAGE = "must be a 12-digit AWS account id";

    Terraform terraform();

    /**
     * Where the resources of each provider configuration live, by {@code <provider>.<alias>} (e.g.
     * {@code "aws.west"}) or {@code <provider>} for the unaliased one; used when a resource has no ARN.
     */
    Map<String, ProviderLocation> providers();

    /** S3 backends by a name of your choice: {@code driftwatch.baseline.s3."network".bucket=...}. */
    Map<String, S3Source> s3();

    /** HTTP backends (e.g. GitLab-managed state) by a name of your choice. */
    Map<String, HttpSource> http();

    /**
     * Baseline reads after which a state its source no longer lists is reported as lost rather than just
     * vanished. Either way it stays unknown (nothing of it resolves, nothing is UNMANAGED) until it is
     * listed again or confirmed gone ({@code DELETE /api/states/{name}}, or a state of its lineage with no
     * resources).
     */
    @WithDefault("3")
    int vanishedRounds();

    /**
     * Largest share of a source's states that may vanish in one read; more is a problem of the source (a
     * moved prefix, a wrong mount), and all its states are unknown until they are back or confirmed gone.
     */
    @WithDefault("0.5")
    double maxVanishedShare();

    /**
     * Longest a scan waits for a read of the states that another scan started; past it the scan goes on with
     * every state unknown (PARTIAL), and the read goes on for the next scans.
     */
    @WithDefault("2m")
    Duration maxWait();

    /**
     * Whether what each source listed is kept in PostgreSQL, to tell a vanished state from one never seen.
     * Off in the one-shot check, which has no database: it keeps the memory of its one run only.
     */
    @WithDefault("true")
    boolean rememberStates();

    interface Terraform {

        /**
         * Terraform state files, directories (every {@code *.tfstate} below) or globs such as
         * {@code /states/**}{@code /*.tfstate}.
         */
        @WithName("paths")
        Optional<List<String>> paths();

        /** Account of resources whose state entry carries no ARN. */
        Optional<@Pattern(regexp = ACCOUNT, message = ACCOUNT_MESSAGE) String> defaultAccount();

        /** Region of resources whose state entry carries no ARN. */
        Optional<String> defaultRegion();
    }

    interface ProviderLocation {

        /** Account of the resources of this provider configuration. */
        Optional<@Pattern(regexp = ACCOUNT, message = ACCOUNT_MESSAGE) String> account();

        /** Region of the resources of this provider configuration. */
        Optional<String> region();
    }

    /** What every remote source may say about the location of its resources. */
    interface Located {

        /** Account of this source's resources that have no ARN and no configured provider location. */
        Optional<@Pattern(regexp = ACCOUNT, message = ACCOUNT_MESSAGE) String> defaultAccount();

        /** Region of this source's resources that have no ARN and no configured provider location. */
        Optional<String> defaultRegion();

        /** Provider locations for this source only; they win over {@code driftwatch.baseline.providers}. */
        Map<String, ProviderLocation> providers();
    }

    interface S3Source extends Located {

        /** The backend's {@code bucket}. */
        String bucket();

        /** One state: the backend's {@code key}. Either this or {@link #prefix()}. */
        Optional<String> key();

        /** Every {@code *.tfstate} whose key starts with this ({@code ""} for the whole bucket). */
        Optional<String> prefix();

        /**
         * Workspaces besides {@code default} to read, each at {@code <workspace-key-prefix>/<workspace>/<key>};
         * {@code *} for every workspace found in the bucket.
         */
        Optional<List<String>> workspaces();

        /** As the backend's {@code workspace_key_prefix}. */
        @WithDefault("env:")
        String workspaceKeyPrefix();

        /** The bucket's region; the default chain's region when absent. */
        Optional<String> region();

        /** An S3-compatible endpoint (an emulator, a VPC endpoint); AWS's own when absent. */
        Optional<URI> endpoint();

        /** Role to assume for reading, often in another account; the others' credentials are not used. */
        Optional<@Pattern(regexp = "arn:aws[a-z-]*:iam::\\d{12}:role/.+", message = "must be an IAM role ARN") String>
                roleArn();

        /** External id to present when assuming {@link #roleArn()}, if its trust policy asks for one. */
        Optional<String> externalId();

        /** STS endpoint for assuming {@link #roleArn()}; the SDK's own when absent. */
        Optional<URI> stsEndpoint();

        /** Static keys, when no role is given; with neither, the default credential chain. */
        Optional<String> accessKeyId();

        /** Secret of {@link #accessKeyId()}. */
        Optional<String> secretAccessKey();

        /**
         * Account that must own the bucket, sent as {@code ExpectedBucketOwner} on every request: S3 refuses
         * the read when someone else owns a bucket of that name. Required with {@link #roleArn()}; without
         * a role, the account of the source's credentials (asked of STS once).
         */
        Optional<@Pattern(regexp = ACCOUNT, message = ACCOUNT_MESSAGE) String> expectedBucketOwner();

        /** Longest one S3 call may take, retries included. */
        @WithDefault("60s")
        Duration apiCallTimeout();

        /** Longest one attempt of an S3 call may take. */
        @WithDefault("20s")
        Duration apiCallAttemptTimeout();
    }

    interface HttpSource extends Located {

        /** The state's address, e.g. {@code https://gitlab.example.com/api/v4/projects/42/terraform/state/prod}. */
        URI url();

        /** Request headers, e.g. {@code headers.PRIVATE-TOKEN=...}; values are secrets and never logged. */
        Map<String, String> headers();

        /** Longest a request may take, connecting and downloading included. */
        @WithDefault("60s")
        Duration timeout();
    }
}
