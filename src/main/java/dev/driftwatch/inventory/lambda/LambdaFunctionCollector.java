package dev.driftwatch.inventory.lambda;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.ResourceReads;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * {@code aws_lambda_function}: one paginated ListFunctions call per 50 functions (their $LATEST
 * configuration), then ListTags per function (forced: ListFunctions carries no tags). Environment
 * variables come back in ListFunctions but are secrets: they are never read into the resource. Lambda
 * reports no creation time.
 */
@ApplicationScoped
public class LambdaFunctionCollector extends TypedCollector {

    static final String TYPE = "aws_lambda_function";
    /** The largest page ListFunctions allows. */
    private static final int PAGE_SIZE = 50;

    public LambdaFunctionCollector() {
        super(TYPE, "lambda", false);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        LambdaClient lambda = session.lambda();
        List<FunctionConfiguration> listed =
                lambda.listFunctionsPaginator(r -> r.maxItems(PAGE_SIZE)).functions().stream()
                        .toList();
        return ResourceReads.each(
                session,
                this,
                listed,
                FunctionConfiguration::functionName,
                function -> Optional.of(toResource(session, lambda, function)));
    }

    private static CloudResource toResource(AwsSession session, LambdaClient lambda, FunctionConfiguration function) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("id", function.functionName());
        attributes.put("arn", function.functionArn());
        attributes.put("function_name", function.functionName());
        attributes.put("description", function.description());
        attributes.put("package_type", function.packageTypeAsString());
        attributes.put("runtime", function.runtimeAsString());
        attributes.put("handler", function.handler());
        attributes.put("memory_size", function.memorySize());
        attributes.put("timeout", function.timeout());
        attributes.put("role", function.role());
        attributes.put("architectures", List.copyOf(function.architecturesAsStrings()));
        Map<String, String> tags =
                lambda.listTags(r -> r.resource(function.functionArn())).tags(); // per function: forced
        attributes.put("tags", new TreeMap<String, Object>(tags));
        return new CloudResource(
                TYPE,
                function.functionName(),
                session.account(),
                session.region(),
                function.functionArn(),
                attributes,
                null);
    }
}
