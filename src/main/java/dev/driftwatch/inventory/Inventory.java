package dev.driftwatch.inventory;

import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.resource.ScanTarget;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/** Runs every collector against a target and records what could not be read instead of failing the scan. */
@ApplicationScoped
public class Inventory {

    private static final Logger LOG = Logger.getLogger(Inventory.class);

    private final List<Collector> collectors;

    Inventory(@All List<Collector> collectors) {
        this.collectors = collectors;
    }

    public Set<String> supportedTypes() {
        Set<String> types = new LinkedHashSet<>();
        collectors.forEach(c -> types.add(c.resourceType()));
        return types;
    }

    public InventorySnapshot collect(ScanTarget target) {
        List<CloudResource> resources = new ArrayList<>();
        Set<String> readTypes = new LinkedHashSet<>();
        List<ReadGap> gaps = new ArrayList<>();
        for (Collector collector : collectors) {
            try {
                resources.addAll(collector.collect(target));
                readTypes.add(collector.resourceType());
            } catch (RuntimeException e) {
                String reason = ReadFailures.describe(e);
                LOG.warnf("Could not read %s in %s: %s", collector.resourceType(), target, reason);
                gaps.add(new ReadGap(target.account(), target.region(), collector.service(), collector.resourceType(), reason));
            }
        }
        return new InventorySnapshot(target, List.copyOf(resources), Set.copyOf(readTypes), List.copyOf(gaps));
    }
}
