package dev.driftwatch.inventory;

/** A collector's fixed facts, given once in its constructor instead of three getters in every class. */
public abstract class TypedCollector implements Collector {

    private final String resourceType;
    private final String service;
    private final boolean global;

    protected TypedCollector(String resourceType, String service, boolean global) {
        this.resourceType = resourceType;
        this.service = service;
        this.global = global;
    }

    @Override
    public String resourceType() {
        return resourceType;
    }

    @Override
    public String service() {
        return service;
    }

    @Override
    public boolean global() {
        return global;
    }
}
