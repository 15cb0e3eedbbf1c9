package dev.driftwatch.inventory.iam;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.Tags;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * {@code aws_iam_instance_profile}: ListInstanceProfiles per 1,000 profiles, then GetInstanceProfile per
 * profile (AWS leaves tags out of the listing and no other listing carries them; GetInstanceProfile rather
 * than ListInstanceProfileTags, same cost, as moto lacks the latter).
 */
@ApplicationScoped
public class IamInstanceProfileCollector extends TypedCollector {

    static final String TYPE = "aws_iam_instance_profile";

    public IamInstanceProfileCollector() {
        super(TYPE, "iam", true);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        List<CloudResource> profiles = new ArrayList<>();
        for (InstanceProfile profile : session.iam()
                .listInstanceProfilesPaginator(r -> r.maxItems(IamDocuments.PAGE_SIZE))
                .instanceProfiles()) {
            try {
                InstanceProfile full = session.iam()
                        .getInstanceProfile(r -> r.instanceProfileName(profile.instanceProfileName()))
                        .instanceProfile();
                profiles.add(toResource(session, full, Tags.toMap(full.tags(), Tag::key, Tag::value)));
            } catch (NoSuchEntityException e) {
                // deleted since the list: no longer there
            }
        }
        return profiles;
    }

    private static CloudResource toResource(AwsSession session, InstanceProfile profile, Map<String, Object> tags) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("id", profile.instanceProfileName());
        attributes.put("arn", profile.arn());
        attributes.put("name", profile.instanceProfileName());
        attributes.put("path", profile.path());
        attributes.put(
                "role", profile.roles().isEmpty() ? "" : profile.roles().get(0).roleName());
        attributes.put("unique_id", profile.instanceProfileId());
        attributes.put("tags", tags);
        return new CloudResource(
                TYPE,
                profile.instanceProfileName(),
                session.account(),
                session.region(),
                profile.arn(),
                attributes,
                profile.createDate());
    }
}
