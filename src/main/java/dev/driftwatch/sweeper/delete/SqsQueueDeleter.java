package dev.driftwatch.sweeper.delete;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Deletes a queue with its messages (its id is the queue URL). */
@ApplicationScoped
public class SqsQueueDeleter implements Deleter {

    @Override
    public String resourceType() {
        return "aws_sqs_queue";
    }

    @Override
    public List<String> iamActions() {
        return List.of("sqs:DeleteQueue");
    }

    @Override
    public Deletion delete(AwsSession session, CloudResource queue) {
        session.sqs().deleteQueue(r -> r.queueUrl(queue.id()));
        return Deletion.DONE;
    }
}
