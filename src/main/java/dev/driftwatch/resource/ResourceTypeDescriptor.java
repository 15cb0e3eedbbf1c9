package dev.driftwatch.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything driftwatch knows about one Terraform type, in one place: the drift engine, the state reader, import
 * blocks, the docs and the benchmark derive their rules from it, and remediation finds which actions fix it (by name:
 * the actions live in {@code remediation.action}, which depends on this package, never the other way). Sweeper
 * deleters find the order they delete in ({@link #sweep}).
 *
 * @param type        the Terraform type, e.g. {@code aws_security_group}
 * @param service     the AWS service its collector reads (the collector's {@code service()}); for rate limits
 * @param scope       which scan reads it
 * @param collected   whether a collector reads it; {@code false} for a state-only type ({@code aws_default_vpc})
 * @param liveType    the type its resources are collected under: itself, or the plain type of an {@code aws_default_*}
 * @param stateId     how a state entry's id maps to the id its collector reports
 * @param importRule  how the import id is built from what was collected
 * @param family      its parent, or that it is a view of another resource's parts
 * @param awsManaged  which resources AWS made and how they are reported
 * @param createdTime whether AWS reports a creation time (the sweeper's age; else driftwatch's first sight)
 * @param calls       the requests its collector sends: the benchmark's model and the scanner role's actions
 * @param remediations the remediation actions that fix or revert its resources, by name ({@code remediation.action})
 * @param sweep       whether the sandbox sweeper deletes it, and after which types; {@code null} when it never does
 * @param doc         its row in {@code docs/resource-types.md}
 */
public record ResourceTypeDescriptor(
        String type,
        String service,
        Scope scope,
        boolean collected,
        String liveType,
        StateIdRule stateId,
        ImportRule importRule,
        Family family,
        AwsManaged awsManaged,
        boolean createdTime,
        List<ApiCall> calls,
        List<String> remediations,
        Sweep sweep,
        Doc doc) {

    /**
     * @param id          what the id is, in words
     * @param attributes  the attributes compared
     * @param perResource the requests an API forces per resource, in words ({@code –} for none)
     */
    public record Doc(String id, String attributes, String perResource) {}

    /**
     * How the sweeper deletes the type: only once every resource of the {@code after} types that it means to
     * delete is gone (an instance before its volumes and security groups, a NAT gateway before its EIP and subnet).
     * A type's own links (a role's policies, a bucket's objects) are its deleter's business, not an order.
     */
    public record Sweep(List<String> after) {
        public Sweep {
            after = List.copyOf(after);
        }
    }

    /** Whether the sandbox sweeper deletes resources of this type. */
    public boolean swept() {
        return sweep != null;
    }

    public ResourceTypeDescriptor {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(service, "service of " + type);
        Objects.requireNonNull(scope, "scope of " + type);
        Objects.requireNonNull(stateId, "state id rule of " + type);
        Objects.requireNonNull(importRule, "import rule of " + type);
        Objects.requireNonNull(family, "family of " + type);
        Objects.requireNonNull(awsManaged, "AWS-managed rule of " + type);
        calls = List.copyOf(calls);
        remediations = List.copyOf(remediations);
        if (collected && (doc == null || calls.isEmpty())) {
            throw new IllegalArgumentException(type + " is collected: give its doc row and its API calls");
        }
    }

    public static Builder builder(String type, String service, Scope scope) {
        return new Builder(type, service, scope);
    }

    /** A descriptor in a few lines: defaults are a collected type matched and imported by Terraform's id. */
    public static final class Builder {
        private final String type;
        private final String service;
        private final Scope scope;
        private String liveType;
        private StateIdRule stateId = StateIdRule.TERRAFORM_ID;
        private ImportRule importRule = ImportRule.RESOURCE_ID;
        private Family family = Family.NONE;
        private AwsManaged awsManaged = AwsManaged.NEVER;
        private boolean createdTime;
        private final List<ApiCall> calls = new ArrayList<>();
        private final List<String> remediations = new ArrayList<>();
        private Sweep sweep;
        private Doc doc;

        private Builder(String type, String service, Scope scope) {
            this.type = type;
            this.service = service;
            this.scope = scope;
        }

        /** A state-only type whose resources are collected as {@code type} (aws_default_vpc → aws_vpc). */
        public Builder stateAliasOf(String type) {
            this.liveType = type;
            return this;
        }

        public Builder stateId(StateIdRule rule) {
            this.stateId = rule;
            return this;
        }

        public Builder importId(ImportRule rule) {
            this.importRule = rule;
            return this;
        }

        public Builder family(Family family) {
            this.family = family;
            return this;
        }

        public Builder partOf(String parentType, String parentIdAttribute) {
            return family(Family.partOf(parentType, parentIdAttribute));
        }

        public Builder awsManaged(AwsManaged rule) {
            this.awsManaged = rule;
            return this;
        }

        /** AWS reports when each resource was created. */
        public Builder created() {
            this.createdTime = true;
            return this;
        }

        public Builder calls(ApiCall... calls) {
            this.calls.addAll(List.of(calls));
            return this;
        }

        /** The remediation actions, by name, that fix or revert its resources. */
        public Builder remediatedBy(String... actions) {
            this.remediations.addAll(List.of(actions));
            return this;
        }

        /** The sweeper deletes it, once the resources of {@code types} it deletes too are gone. */
        public Builder sweptAfter(String... types) {
            this.sweep = new Sweep(List.of(types));
            return this;
        }

        public Builder doc(String id, String attributes, String perResource) {
            this.doc = new Doc(id, attributes, perResource);
            return this;
        }

        public ResourceTypeDescriptor build() {
            boolean collected = liveType == null;
            return new ResourceTypeDescriptor(
                    type,
                    service,
                    scope,
                    collected,
                    collected ? type : liveType,
                    stateId,
                    importRule,
                    family,
                    awsManaged,
                    createdTime,
                    calls,
                    remediations,
                    sweep,
                    doc);
        }
    }
}
