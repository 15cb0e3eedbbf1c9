package dev.driftwatch.drift;

import dev.driftwatch.baseline.ExpectedResource;
import dev.driftwatch.resource.CloudResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Live and expected resources for comparator tests, in one account and region. */
final class Estate {

    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-west-1";
    static final String STATE = "/states/prod.tfstate";

    private Estate() {}

    static CloudResource live(String type, String id, Map<String, Object> attributes) {
        return new CloudResource(type, id, ACCOUNT, REGION, null, attributes, null);
    }

    static CloudResource awsOwned(String type, String id, Map<String, Object> attributes) {
        return new CloudResource(type, id, ACCOUNT, REGION, null, attributes, null, true);
    }

    static ExpectedResource expected(String type, String name, String id, Map<String, Object> attributes) {
        return new ExpectedResource(
                new CloudResource(type, id, ACCOUNT, REGION, null, attributes, null), type + "." + name, STATE);
    }

    /** Key/value pairs in order, nulls allowed, as a state's attributes are written. */
    static Map<String, Object> attrs(Object... keysAndValues) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            attributes.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return attributes;
    }

    static Comparison compare(
            DriftComparator comparator, List<CloudResource> live, List<ExpectedResource> expected, String... read) {
        return comparator.compare(live, expected, Set.of(read), true);
    }

    static DriftComparator comparator(boolean strict) {
        return new DriftComparator(
                List.of(
                        new SecurityGroupNormaliser(),
                        new IamRoleNormaliser(),
                        new IamAccountPasswordPolicyNormaliser(),
                        new S3BucketVersioningNormaliser()),
                strict);
    }
}
