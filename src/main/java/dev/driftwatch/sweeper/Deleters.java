package dev.driftwatch.sweeper;

import dev.driftwatch.resource.ResourceTypeCatalog;
import dev.driftwatch.resource.ResourceTypeDescriptor;
import dev.driftwatch.sweeper.delete.Deleter;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The deleters by type, and the order types are deleted in: levels of a graph over the descriptors'
 * {@code sweptAfter}, each level's types depending only on earlier levels' (instances, then their volumes and
 * network interfaces, then security groups and subnets, then VPCs).
 */
@ApplicationScoped
public class Deleters {

    private final Map<String, Deleter> byType = new TreeMap<>();
    private final List<List<String>> levels;

    @Inject
    Deleters(@All List<Deleter> deleters) {
        this(deleters, ResourceTypeCatalog.all());
    }

    Deleters(List<Deleter> deleters, List<ResourceTypeDescriptor> descriptors) {
        Map<String, List<String>> after = new HashMap<>();
        descriptors.stream()
                .filter(ResourceTypeDescriptor::swept)
                .forEach(d -> after.put(d.type(), d.sweep().after()));
        for (Deleter deleter : deleters) {
            if (!after.containsKey(deleter.resourceType())) {
                throw new IllegalStateException(deleter.getClass().getSimpleName() + " deletes "
                        + deleter.resourceType() + ", whose descriptor does not say sweptAfter");
            }
            byType.put(deleter.resourceType(), deleter);
        }
        this.levels = levels(after, byType.keySet());
    }

    public Set<String> types() {
        return byType.keySet();
    }

    public Optional<Deleter> of(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** Every type with a deleter, level by level: a type's level is one past the deepest type it waits for. */
    public List<List<String>> levels() {
        return levels;
    }

    private static List<List<String>> levels(Map<String, List<String>> after, Set<String> deletable) {
        Map<String, Integer> level = new TreeMap<>();
        for (String type : deletable) {
            levelOf(type, after, deletable, level, new ArrayList<>());
        }
        List<List<String>> levels = new ArrayList<>();
        level.forEach((type, n) -> {
            while (levels.size() <= n) {
                levels.add(new ArrayList<>());
            }
            levels.get(n).add(type);
        });
        return levels.stream().map(List::copyOf).toList();
    }

    private static int levelOf(
            String type,
            Map<String, List<String>> after,
            Set<String> deletable,
            Map<String, Integer> level,
            List<String> path) {
        if (level.containsKey(type)) {
            return level.get(type);
        }
        if (path.contains(type)) {
            throw new IllegalStateException(
                    "The sweep order has a cycle: " + String.join(" -> ", path) + " -> " + type);
        }
        path.add(type);
        int mine = 0;
        for (String before : after.getOrDefault(type, List.of())) {
            if (deletable.contains(before)) {
                mine = Math.max(mine, levelOf(before, after, deletable, level, path) + 1);
            }
        }
        path.remove(type);
        level.put(type, mine);
        return mine;
    }
}
