package dev.driftwatch.resource;

/**
 * How a type relates to others, so that one thing in the cloud is reported once.
 *
 * @param parentType        the type this one is a part of (a bucket's versioning: {@code aws_s3_bucket}),
 *                          or {@code null}
 * @param parentIdAttribute the attribute holding the parent's id ({@code bucket}), or {@code null}
 * @param view              a view of another resource's parts (security-group rules, which their group's
 *                          ingress/egress already shows): never reported unmanaged, not counted in coverage
 */
public record Family(String parentType, String parentIdAttribute, boolean view) {

    public static final Family NONE = new Family(null, null, false);

    public static final Family VIEW = new Family(null, null, true);

    public static Family partOf(String parentType, String parentIdAttribute) {
        return new Family(parentType, parentIdAttribute, false);
    }

    public boolean hasParent() {
        return parentType != null;
    }
}
