package dev.driftwatch.inventory;

import dev.driftwatch.aws.AwsSessions;
import dev.driftwatch.aws.Purpose;
import dev.driftwatch.resource.ScanTarget;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The accounts and regions driftwatch scans, from configuration: the listed accounts (through their
 * roles), or else the account of the default credentials. {@code all} regions are asked of EC2
 * (DescribeRegions: the regions enabled in the account) and remembered.
 */
@ApplicationScoped
public class AccountRegistry {

    private static final Logger LOG = Logger.getLogger(AccountRegistry.class);

    private final ReadRoles roles;
    private final AwsSessions sessions;
    private final Map<String, List<String>> enabledRegions = new ConcurrentHashMap<>();

    public AccountRegistry(ReadRoles roles, AwsSessions sessions) {
        this.roles = roles;
        this.sessions = sessions;
    }

    /** @throws software.amazon.awssdk.core.exception.SdkException when the default account must be asked of STS and cannot be */
    public List<ScannedAccount> accounts() {
        return roles.accounts();
    }

    public Optional<ScannedAccount> account(String id) {
        return accounts().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /**
     * Every (account, region) to scan, plus each account's {@link Regions#GLOBAL} target. An account
     * whose enabled regions cannot be listed is scanned for its global target only, and logged.
     */
    public List<ScanTarget> targets() {
        List<ScanTarget> targets = new ArrayList<>();
        for (ScannedAccount account : accounts()) {
            try {
                regionsOf(account).forEach(region -> targets.add(new ScanTarget(account.id(), region)));
            } catch (RuntimeException e) {
                LOG.errorf(
                        "Regions of account %s cannot be listed, only its global resources are scanned: %s",
                        account.id(), ReadFailures.describe(e));
            }
            targets.add(new ScanTarget(account.id(), Regions.GLOBAL));
        }
        return targets;
    }

    public List<String> regionsOf(ScannedAccount account) {
        if (!account.regions().contains("all")) {
            return account.regions();
        }
        return enabledRegions.computeIfAbsent(
                account.id(),
                id ->
                        session(account, Regions.GLOBAL_API_REGION)
                                .ec2()
                                .describeRegions(r -> r.allRegions(false))
                                .regions()
                                .stream()
                                .map(software.amazon.awssdk.services.ec2.model.Region::regionName)
                                .sorted()
                                .toList());
    }

    /** A {@link Purpose#READ} session of the account, keeping the resources its read leaves unknown. */
    public TargetSession session(ScannedAccount account, String region) {
        return new TargetSession(sessions.session(account.id(), Purpose.READ, region));
    }
}
