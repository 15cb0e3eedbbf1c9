package dev.driftwatch.inventory.ec2;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Values as the Terraform AWS provider stores what EC2 leaves out: absent booleans false, absent counts 0, sets sorted. */
final class Ec2Values {

    private Ec2Values() {}

    static boolean bool(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    static int number(Integer value) {
        return value == null ? 0 : value;
    }

    /** A provider set of strings, in a stable order. */
    static <T> List<String> set(Collection<T> items, Function<T, String> value) {
        return items == null
                ? List.of()
                : items.stream().map(value).filter(Objects::nonNull).sorted().toList();
    }
}
