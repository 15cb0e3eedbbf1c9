package dev.driftwatch.scan;

/** Fired (CDI) when a scheduled scan round starts, for parts above scan that act each round (the auth-off warning). */
public record ScanRoundStarted() {}
