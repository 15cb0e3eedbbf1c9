package dev.driftwatch.engine;

import dev.driftwatch.drift.DriftIgnore;

/**
 * Where a caller of {@link DriftEngine} gets its ignore rules: the service reads its files, configuration and
 * accepted drift (database); the one-shot check only its files and configuration.
 */
@FunctionalInterface
public interface IgnoreRuleSupply {

    /** The rules in force now, and the lines that could not be used. */
    DriftIgnore.Loaded load();

    /** Files, configuration and accepted drift: what the running service applies. */
    static IgnoreRuleSupply withAcceptedDrift(DriftIgnore ignore) {
        return ignore::load;
    }

    /** Files and configuration only: what the one-shot check, which has no database, applies. */
    static IgnoreRuleSupply configuredOnly(DriftIgnore ignore) {
        return ignore::loadConfigured;
    }
}
