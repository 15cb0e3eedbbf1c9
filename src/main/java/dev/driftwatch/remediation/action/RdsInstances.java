package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.rds.model.DBInstance;

/** An RDS instance by the id Terraform stores (its DbiResourceId), which ModifyDBInstance does not take. */
final class RdsInstances {

    private RdsInstances() {}

    static Optional<DBInstance> find(AwsSession session, String dbiResourceId) {
        return session
                .rds()
                .describeDBInstances(
                        r -> r.filters(f -> f.name("dbi-resource-id").values(dbiResourceId)))
                .dbInstances()
                .stream()
                .filter(db -> dbiResourceId.equals(db.dbiResourceId()))
                .findFirst();
    }

    static Map<String, String> tags(DBInstance db) {
        Map<String, String> tags = new TreeMap<>();
        db.tagList().forEach(t -> tags.put(t.key(), t.value()));
        return tags;
    }
}
