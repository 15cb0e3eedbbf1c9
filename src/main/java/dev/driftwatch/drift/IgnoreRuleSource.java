package dev.driftwatch.drift;

import java.util.List;

/**
 * Ignore rules kept outside configuration (accepted drift in the database): asked once per scan, after
 * the configured files and rules, so its rules have the last word.
 */
public interface IgnoreRuleSource {

    List<IgnoreRule> rules();
}
