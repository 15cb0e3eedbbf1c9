package dev.driftwatch.api.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/** Maps the groups an identity provider puts in a token to driftwatch roles, as configured. */
@ApplicationScoped
public class GroupRoles {

    private final AuthConfig config;

    GroupRoles(AuthConfig config) {
        this.config = config;
        config.roles().keySet().forEach(Role::of);
    }

    /** The roles (with those they imply) given by a token's claims; a claim read through {@code claims}. */
    public Set<Role> of(Function<String, Object> claims) {
        String[] path = config.groupsClaim().split("\\.");
        Object value = claims.apply(path[0]);
        for (int i = 1; i < path.length && value != null; i++) {
            value = value instanceof JsonObject o
                    ? o.get(path[i])
                    : value instanceof Map<?, ?> m ? m.get(path[i]) : null;
        }
        List<String> groups = strings(value).toList();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        config.roles().forEach((role, members) -> {
            if (members.stream().anyMatch(groups::contains)) {
                roles.addAll(Role.of(role).withImplied());
            }
        });
        return roles;
    }

    private static Stream<String> strings(Object value) {
        if (value instanceof JsonArray array) {
            return array.stream().flatMap(GroupRoles::strings);
        }
        if (value instanceof Collection<?> list) {
            return list.stream().flatMap(GroupRoles::strings);
        }
        if (value instanceof JsonString s) {
            return Stream.of(s.getString());
        }
        if (value instanceof String s) {
            return Stream.of(s);
        }
        return value instanceof JsonValue || value == null ? Stream.empty() : Stream.of(value.toString());
    }
}
