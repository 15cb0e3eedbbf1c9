package dev.driftwatch.resource;

import java.util.Objects;

/** One account in one region: the unit that is scanned, locked and resolved as a whole. */
public record ScanTarget(String account, String region) {

    public ScanTarget {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
    }

    @Override
    public String toString() {
        return account + "/" + region;
    }
}
