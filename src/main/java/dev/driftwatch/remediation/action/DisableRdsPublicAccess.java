package dev.driftwatch.remediation.action;

import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.ModifyDbInstanceRequest;

/** Makes an RDS instance reachable only from inside its VPC (approve by default: clients outside lose it). */
@ApplicationScoped
public class DisableRdsPublicAccess extends RdsFlagAction {

    @Override
    public String name() {
        return "disable-public-access";
    }

    @Override
    String parameter() {
        return "PubliclyAccessible";
    }

    @Override
    boolean wanted() {
        return false;
    }

    @Override
    Boolean current(DBInstance db) {
        // AWS leaves it out when false
        return db.publiclyAccessible() == null ? Boolean.FALSE : db.publiclyAccessible();
    }

    @Override
    void set(ModifyDbInstanceRequest.Builder request, boolean value) {
        request.publiclyAccessible(value);
    }
}
