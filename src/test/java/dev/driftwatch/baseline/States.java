package dev.driftwatch.baseline;

/** Small Terraform states (format 4, as Terraform 1.x writes them) for the fast tests of this package. */
final class States {

    static final String ACCOUNT = "111122223333";

    private States() {}

    /** A state of security groups in eu-west-1 with the given serial and lineage. */
    static String groups(long serial, String lineage, String... ids) {
        StringBuilder resources = new StringBuilder();
        for (String id : ids) {
            if (resources.length() > 0) {
                resources.append(",\n");
            }
            resources.append("""
                    { "mode": "managed", "type": "aws_security_group", "name": "%s",
                      "provider": "provider[\\"registry.terraform.io/hashicorp/aws\\"]",
                      "instances": [ { "schema_version": 1, "sensitive_attributes": [],
                        "attributes": { "id": "%s", "arn": "arn:aws:ec2:eu-west-1:%s:security-group/%s" } } ] }""".formatted(id.replace('-', '_'), id, ACCOUNT, id));
        }
        return """
                { "version": 4, "terraform_version": "1.11.4", "serial": %d, "lineage": "%s", "outputs": {},
                  "resources": [ %s ], "check_results": null }
                """.formatted(serial, lineage, resources);
    }
}
