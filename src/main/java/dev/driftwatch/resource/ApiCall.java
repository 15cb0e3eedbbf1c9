package dev.driftwatch.resource;

/**
 * One kind of request a type's collector sends, with the fewest such requests the API allows: the model
 * {@code bin/bench-inventory} measures a scan against (through {@code bin/bench/api-calls.json}, generated from
 * the descriptors). {@code service} is the SDK's service name as {@code driftwatch_aws_requests_total} counts it.
 */
public sealed interface ApiCall {

    String service();

    String operation();

    /**
     * A list read a page at a time with the largest page size the API allows.
     *
     * @param list      the list the benchmark counts pages and items of ({@code operation}, or a filtered variant)
     * @param share     how many types the collectors read this list for: each is charged a share of its minimum
     * @param callsFrom {@code null}: one call per page of {@code list}; {@code "once"}: one call; else the list whose
     *                  pages the code calls (a filtered subset of {@code list})
     * @param awsItems  {@code null}: the items of {@code list}; {@code "none"}; {@code "resources"} (of this type,
     *                  where moto lists more than AWS would); {@code "item:<name>"} (a count the benchmark takes)
     */
    record Listing(
            String service, String operation, String list, int pageSize, int share, String callsFrom, String awsItems)
            implements ApiCall {

        public Listing shared(int types) {
            return new Listing(service, operation, list, pageSize, types, callsFrom, awsItems);
        }

        public Listing of(String listName) {
            return new Listing(service, operation, listName, pageSize, share, callsFrom, awsItems);
        }

        public Listing callsFrom(String listName) {
            return new Listing(service, operation, list, pageSize, share, listName, awsItems);
        }

        public Listing onAws(String items) {
            return new Listing(service, operation, list, pageSize, share, callsFrom, items);
        }
    }

    /**
     * Requests the API forces per resource (or once per scan).
     *
     * @param per            {@code "once"}, {@code "list:<name>"} (per item of a list) or {@code "item:<name>"}
     *                       (a count the benchmark takes)
     * @param times          requests per item
     * @param batch          items one request covers (1, or e.g. 20 trails per ListTags)
     * @param zeroOnAws      moto forces these, AWS would not: the minimum on AWS is zero
     * @param counted        whether {@code driftwatch_aws_requests_total} counts them
     */
    record PerResource(
            String service, String operation, String per, int times, int batch, boolean zeroOnAws, boolean counted)
            implements ApiCall {

        public PerResource times(int requests) {
            return new PerResource(service, operation, per, requests, batch, zeroOnAws, counted);
        }

        public PerResource batchesOf(int items) {
            return new PerResource(service, operation, per, times, items, zeroOnAws, counted);
        }

        public PerResource noneOnAws() {
            return new PerResource(service, operation, per, times, batch, true, counted);
        }

        public PerResource uncounted() {
            return new PerResource(service, operation, per, times, batch, zeroOnAws, false);
        }
    }

    /** Pages of {@code operation}'s list. */
    static Listing list(String service, String operation, int pageSize) {
        return new Listing(service, operation, operation, pageSize, 1, null, null);
    }

    /** One request per item of {@code list}. */
    static PerResource each(String service, String operation, String list) {
        return new PerResource(service, operation, "list:" + list, 1, 1, false, true);
    }

    /** One request per item of a count the benchmark takes (customer-managed KMS keys, ...). */
    static PerResource eachCounted(String service, String operation, String item) {
        return new PerResource(service, operation, "item:" + item, 1, 1, false, true);
    }

    /** One request per scan of the account and region (or account). */
    static PerResource once(String service, String operation) {
        return new PerResource(service, operation, "once", 1, 1, false, true);
    }
}
