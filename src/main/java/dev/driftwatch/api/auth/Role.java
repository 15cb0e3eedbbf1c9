package dev.driftwatch.api.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * driftwatch's roles, in order: a role implies the ones before it, except that {@code approver} does not
 * imply {@code operator} (someone who approves fixes need not be able to start them). {@code admin} implies
 * every other role, {@code approver} included.
 */
public enum Role {
    VIEWER,
    OPERATOR,
    APPROVER,
    ADMIN;

    /** Names for {@code @RolesAllowed}. */
    public static final String VIEWER_NAME = "viewer";

    public static final String OPERATOR_NAME = "operator";
    public static final String APPROVER_NAME = "approver";
    public static final String ADMIN_NAME = "admin";

    /** The role's name in configuration, tokens and {@code @RolesAllowed}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This role and the roles it implies. */
    public Set<Role> withImplied() {
        return switch (this) {
            case VIEWER -> EnumSet.of(VIEWER);
            case OPERATOR -> EnumSet.of(VIEWER, OPERATOR);
            case APPROVER -> EnumSet.of(VIEWER, APPROVER);
            case ADMIN -> EnumSet.allOf(Role.class);
        };
    }

    /** @throws IllegalArgumentException naming the valid roles */
    public static Role of(String value) {
        for (Role role : values()) {
            if (role.value().equals(value)) {
                return role;
            }
        }
        throw new IllegalArgumentException("Not a role: " + value + " (roles: viewer, operator, approver, admin)");
    }
}
