package dev.driftwatch.inventory.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.inventory.Regions;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

/** Every attribute of an attachment is part of its identity: a change by hand is a detach (gone) or an attach (new). */
class IamRolePolicyAttachmentCollectorIT {

    private final MotoSession session = MotoSession.in(Regions.GLOBAL);
    private final IamRolePolicyAttachmentCollector collector = new IamRolePolicyAttachmentCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsAttachmentsUnderTheImportIdAndSeesOneDetachedAndOneAttachedByHand() {
        IamClient iam = session.iam();
        iam.createRole(r -> r.roleName("app-role").assumeRolePolicyDocument(IamRoleCollectorIT.TRUST));
        String arn = iam.createPolicy(r -> r.policyName("app-policy").policyDocument(IamPolicyCollectorIT.DOCUMENT))
                .policy()
                .arn();
        iam.attachRolePolicy(r -> r.roleName("app-role").policyArn(arn));
        String id = "app-role-" + arn;
        // as provider 5.100 wrote it after `terraform import aws_iam_role_policy_attachment.a app-role/<policy arn>`
        Map<String, Object> state = Map.of("id", id, "policy_arn", arn, "role", "app-role");

        CloudResource live = DriftCheck.find(collector.collect(session), id);
        assertThat(live.region()).isEqualTo(Regions.GLOBAL);
        assertThat(live.attributes()).containsEntry("role", "app-role").containsEntry("policy_arn", arn);
        assertThat(DriftCheck.compare(live, state)).isEmpty();
        // as provider 5.100 wrote it after creating the attachment: a random id, matched by role and policy
        Map<String, Object> created =
                Map.of("id", "app-role-20261122193044856300000001", "policy_arn", arn, "role", "app-role");
        assertThat(DriftCheck.compare(live, created)).isEmpty();

        String other = iam.createPolicy(r -> r.policyName("other").policyDocument(IamPolicyCollectorIT.DOCUMENT))
                .policy()
                .arn();
        iam.detachRolePolicy(r -> r.roleName("app-role").policyArn(arn));
        iam.attachRolePolicy(r -> r.roleName("app-role").policyArn(other));
        assertThat(collector.collect(session)).extracting(CloudResource::id).containsExactly("app-role-" + other);
    }
}
