package dev.driftwatch.remediation.action;

import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.ModifyDbInstanceRequest;

/** Turns on an RDS instance's deletion protection (no restart). */
@ApplicationScoped
public class EnableDeletionProtection extends RdsFlagAction {

    @Override
    public String name() {
        return "enable-deletion-protection";
    }

    @Override
    String parameter() {
        return "DeletionProtection";
    }

    @Override
    boolean wanted() {
        return true;
    }

    @Override
    Boolean current(DBInstance db) {
        return db.deletionProtection();
    }

    @Override
    void set(ModifyDbInstanceRequest.Builder request, boolean value) {
        request.deletionProtection(value);
    }
}
