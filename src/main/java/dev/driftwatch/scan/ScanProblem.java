package dev.driftwatch.scan;

/**
 * Why a scan is partial or failed.
 *
 * @param part   what could not be used: {@code ec2 aws_security_group in 123456789012/eu-west-1}, or a state file
 * @param reason what went wrong, e.g. {@code endpoint unreachable: Connection refused}
 */
public record ScanProblem(String part, String reason) {}
