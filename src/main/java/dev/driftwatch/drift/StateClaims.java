package dev.driftwatch.drift;

import dev.driftwatch.baseline.ExpectedResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The state entries of one account and region, each live resource claimed once. Two entries (in two states
 * or in one) claiming the same resource are a problem of their own: reported once, naming both, and the
 * resource is compared once, with the first claim by state file and address, so that it never yields two findings.
 *
 * @param unique       one entry per claimed resource, in the order read
 * @param doubleClaims resources more than one entry claims
 */
public record StateClaims(List<ExpectedResource> unique, List<DoubleClaim> doubleClaims) {

    public StateClaims {
        unique = List.copyOf(unique);
        doubleClaims = List.copyOf(doubleClaims);
    }

    /** @param claims every entry claiming the resource, the one compared first */
    public record DoubleClaim(String type, String id, String account, String region, List<ExpectedResource> claims) {

        public DoubleClaim {
            claims = List.copyOf(claims);
        }

        /** e.g. {@code aws_vpc vpc-1 is claimed by a.tfstate:aws_vpc.main and b.tfstate:aws_vpc.copy} */
        public String describe() {
            return type + " " + id + " is claimed by "
                    + claims.stream()
                            .map(c -> c.stateFile() + ":" + c.address())
                            .collect(Collectors.joining(" and "));
        }
    }

    private record Key(String liveType, String id, String account, String region) {}

    /** @param expected located entries, e.g. those of one target; the order of {@code unique} follows theirs */
    public static StateClaims of(List<ExpectedResource> expected) {
        Map<Key, List<ExpectedResource>> byResource = new LinkedHashMap<>();
        for (ExpectedResource e : expected) {
            Key key = new Key(
                    ResourceFamilies.liveType(e.resource().type()),
                    e.resource().id(),
                    e.resource().account(),
                    e.resource().region());
            byResource.computeIfAbsent(key, k -> new ArrayList<>(1)).add(e);
        }
        List<ExpectedResource> unique = new ArrayList<>(byResource.size());
        List<DoubleClaim> doubles = new ArrayList<>();
        byResource.forEach((key, claims) -> {
            // The same claim wins whatever order the sources listed their states in: findings keep their state file.
            claims.sort(Comparator.comparing(ExpectedResource::stateFile).thenComparing(ExpectedResource::address));
            unique.add(claims.get(0));
            if (claims.size() > 1) {
                doubles.add(new DoubleClaim(key.liveType(), key.id(), key.account(), key.region(), claims));
            }
        });
        return new StateClaims(unique, doubles);
    }
}
