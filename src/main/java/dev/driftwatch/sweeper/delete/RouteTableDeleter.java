package dev.driftwatch.sweeper.delete;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;

/**
 * Removes a route table's subnet and gateway associations, then deletes it. A VPC's main route table is AWS-managed
 * and never given here (it goes with its VPC); its main association cannot be removed, so it is left for AWS to
 * refuse.
 */
@ApplicationScoped
public class RouteTableDeleter implements Deleter {

    @Override
    public String resourceType() {
        return "aws_route_table";
    }

    @Override
    public List<String> iamActions() {
        return List.of("ec2:DescribeRouteTables", "ec2:DisassociateRouteTable", "ec2:DeleteRouteTable");
    }

    @Override
    public Deletion delete(AwsSession session, CloudResource table) {
        var ec2 = session.ec2();
        // the collector does not keep associations (Terraform keeps them in aws_route_table_association)
        List<RouteTableAssociation> associations =
                ec2.describeRouteTables(r -> r.routeTableIds(table.id())).routeTables().stream()
                        .flatMap(t -> t.associations().stream())
                        .filter(a -> !Boolean.TRUE.equals(a.main()))
                        .toList();
        for (RouteTableAssociation association : associations) {
            ec2.disassociateRouteTable(r -> r.associationId(association.routeTableAssociationId()));
        }
        ec2.deleteRouteTable(r -> r.routeTableId(table.id()));
        return Deletion.DONE;
    }
}
