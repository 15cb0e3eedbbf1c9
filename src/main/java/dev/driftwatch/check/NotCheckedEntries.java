package dev.driftwatch.check;

import dev.driftwatch.baseline.ExpectedResource;
import dev.driftwatch.drift.DriftComparator;
import dev.driftwatch.resource.ScanTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Which state entries a check's targets leave out, and why. */
final class NotCheckedEntries {

    private NotCheckedEntries() {}

    /**
     * @param targets        the accounts and regions the check reads
     * @param supportedTypes the types driftwatch collects
     */
    static List<NotChecked> of(List<ExpectedResource> expected, List<ScanTarget> targets, Set<String> supportedTypes) {
        Set<String> accounts = targets.stream().map(ScanTarget::account).collect(Collectors.toCollection(TreeSet::new));
        List<NotChecked> notChecked = new ArrayList<>();
        for (ExpectedResource e : expected) {
            String account = e.resource().account();
            String region = e.resource().region();
            if (!supportedTypes.containsAll(DriftComparator.liveTypesOf(List.of(e)))) {
                notChecked.add(new NotChecked(
                        e,
                        NotChecked.Reason.UNSUPPORTED_TYPE,
                        "driftwatch has no collector for " + e.resource().type()));
            } else if (!e.located()) {
                notChecked.add(new NotChecked(e, NotChecked.Reason.UNKNOWN_LOCATION, e.unknownLocation()));
            } else if (!accounts.contains(account)) {
                notChecked.add(new NotChecked(
                        e,
                        NotChecked.Reason.OTHER_ACCOUNT,
                        "account " + account + " is not read (read: " + String.join(", ", accounts) + ")"));
            } else if (!targets.contains(new ScanTarget(account, region))) {
                notChecked.add(new NotChecked(
                        e,
                        NotChecked.Reason.OTHER_REGION,
                        "region " + region + " of account " + account + " is not read (read: "
                                + regionsOf(targets, account) + ")"));
            }
        }
        return notChecked;
    }

    private static String regionsOf(List<ScanTarget> targets, String account) {
        return targets.stream()
                .filter(t -> t.account().equals(account))
                .map(ScanTarget::region)
                .sorted()
                .collect(Collectors.joining(", "));
    }
}
