package dev.driftwatch.sweeper.delete;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Deletes a topic with its subscriptions (its id is the topic ARN). */
@ApplicationScoped
public class SnsTopicDeleter implements Deleter {

    @Override
    public String resourceType() {
        return "aws_sns_topic";
    }

    @Override
    public List<String> iamActions() {
        return List.of("sns:DeleteTopic");
    }

    @Override
    public Deletion delete(AwsSession session, CloudResource topic) {
        session.sns().deleteTopic(r -> r.topicArn(topic.id()));
        return Deletion.DONE;
    }
}
