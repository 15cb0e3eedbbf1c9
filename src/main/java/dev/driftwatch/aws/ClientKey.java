package dev.driftwatch.aws;

/**
 * What an SDK client is cached by: a client holds its credentials, so two roles of one account never share
 * one, nor two purposes (each has its own concurrency budget).
 *
 * @param account the account id, the key of the rate limit (with {@code service})
 * @param role    the role ARN, or {@code default} for driftwatch's own credentials
 * @param region  the region the SDK calls
 * @param service the SDK's service name, e.g. {@code ec2}
 */
public record ClientKey(Purpose purpose, String account, String role, String region, String service) {}
