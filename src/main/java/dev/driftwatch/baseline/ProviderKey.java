package dev.driftwatch.baseline;

import java.util.Optional;

/**
 * The configuration key of the provider a state records for a resource: its local name and alias.
 * {@code provider["registry.terraform.io/hashicorp/aws"].west} (Terraform 0.13+, OpenTofu, also with a
 * {@code module.x.} prefix) and {@code provider.aws.west} (0.12) both give {@code aws.west}; without an
 * alias, {@code aws}.
 */
final class ProviderKey {

    private ProviderKey() {}

    static Optional<String> of(String address) {
        if (address == null || address.isEmpty()) {
            return Optional.empty();
        }
        int open = address.indexOf("provider[\"");
        if (open >= 0) {
            int close = address.indexOf("\"]", open);
            if (close < 0) {
                return Optional.empty();
            }
            String source = address.substring(open + "provider[\"".length(), close);
            String name = source.substring(source.lastIndexOf('/') + 1);
            String rest = address.substring(close + 2);
            return Optional.of(rest.startsWith(".") ? name + rest : name);
        }
        int legacy = address.lastIndexOf("provider.");
        return legacy >= 0 ? Optional.of(address.substring(legacy + "provider.".length())) : Optional.empty();
    }
}
