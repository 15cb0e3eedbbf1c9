package dev.driftwatch.sweeper.delete;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Deletes a function with all its versions and aliases (its id is the function name). Its log group stays and is
 * swept as a type of its own; interfaces AWS made for a function in a VPC are released by AWS afterwards.
 */
@ApplicationScoped
public class LambdaFunctionDeleter implements Deleter {

    @Override
    public String resourceType() {
        return "aws_lambda_function";
    }

    @Override
    public List<String> iamActions() {
        return List.of("lambda:DeleteFunction");
    }

    @Override
    public Deletion delete(AwsSession session, CloudResource function) {
        session.lambda().deleteFunction(r -> r.functionName(function.id()));
        return Deletion.DONE;
    }
}
