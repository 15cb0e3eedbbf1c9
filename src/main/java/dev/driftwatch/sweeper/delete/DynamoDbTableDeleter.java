package dev.driftwatch.sweeper.delete;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Deletes a table (its id is the table name). A table with deletion protection on is kept and reported: protection
 * is a person's explicit choice, and the sweeper has no setting to override it. AWS finishes in the background, but
 * nothing is swept after a table that waits for it, so the deletion counts as done.
 */
@ApplicationScoped
public class DynamoDbTableDeleter implements Deleter {

    @Override
    public String resourceType() {
        return "aws_dynamodb_table";
    }

    @Override
    public List<String> iamActions() {
        return List.of("dynamodb:DeleteTable");
    }

    @Override
    public Deletion delete(AwsSession session, CloudResource table) {
        if (Attributes.flag(table, "deletion_protection_enabled")) {
            throw new DeletionProtectedException(table.type(), table.id(), "the sweeper never turns it off");
        }
        session.dynamoDb().deleteTable(r -> r.tableName(table.id()));
        return Deletion.DONE;
    }
}
