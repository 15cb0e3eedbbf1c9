package dev.driftwatch.baseline;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.util.List;
import java.util.Optional;

/** Where expected state comes from. */
@ConfigMapping(prefix = "driftwatch.baseline")
public interface BaselineConfig {

    Terraform terraform();

    interface Terraform {

        /**
         * Terraform state files, directories (every {@code *.tfstate} below) or globs such as
         * {@code /states/**}{@code /*.tfstate}.
         */
        @WithName("paths")
        Optional<List<String>> paths();

        /** Account of resources whose state entry carries no ARN. */
        Optional<String> defaultAccount();

        /** Region of resources whose state entry carries no ARN. */
        Optional<String> defaultRegion();
    }
}
