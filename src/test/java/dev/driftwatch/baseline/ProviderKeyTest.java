package dev.driftwatch.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProviderKeyTest {

    @Test
    void readsLocalNameAndAliasOfEveryAddressForm() {
        assertThat(ProviderKey.of("provider[\"registry.terraform.io/hashicorp/aws\"]"))
                .hasValue("aws");
        assertThat(ProviderKey.of("provider[\"registry.terraform.io/hashicorp/aws\"].west"))
                .hasValue("aws.west");
        assertThat(ProviderKey.of("module.net.provider[\"registry.opentofu.org/hashicorp/aws\"].east"))
                .hasValue("aws.east");
        assertThat(ProviderKey.of("provider.aws.west")).hasValue("aws.west"); // Terraform 0.12
        assertThat(ProviderKey.of("")).isEmpty();
    }
}
