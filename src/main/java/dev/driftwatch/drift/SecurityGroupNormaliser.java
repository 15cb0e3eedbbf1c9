package dev.driftwatch.drift;

import dev.driftwatch.resource.SecurityGroupPermission;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code aws_security_group}: compares name, description, vpc_id, tags, ingress and egress. Rules are
 * compared as sets of single permissions ({@link SecurityGroupPermission}: "tcp 22-22 0.0.0.0/0"), so grouping, ordering, protocol
 * numbers vs names and absent vs zero ports do not count as drift.
 */
@ApplicationScoped
public class SecurityGroupNormaliser implements Normaliser {

    @Override
    public String resourceType() {
        return "aws_security_group";
    }

    @Override
    public Map<String, Object> normalise(Map<String, Object> attributes) {
        String owner = Objects.toString(attributes.get("owner_id"), "");
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("name", attributes.get("name"));
        canonical.put("description", attributes.get("description"));
        canonical.put("vpc_id", attributes.get("vpc_id"));
        canonical.put("tags", Tagging.effectiveTags(attributes));
        canonical.put("ingress", permissions(attributes.get("ingress"), owner));
        canonical.put("egress", permissions(attributes.get("egress"), owner));
        return canonical;
    }

    static List<String> permissions(Object rules, String owner) {
        return SecurityGroupPermission.formatAll(rules, owner);
    }
}
