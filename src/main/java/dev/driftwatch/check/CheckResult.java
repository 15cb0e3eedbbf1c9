package dev.driftwatch.check;

import dev.driftwatch.drift.DriftKind;
import dev.driftwatch.drift.DriftObservation;
import dev.driftwatch.resource.ScanTarget;
import java.util.List;

/**
 * What one check found.
 *
 * @param checked    the accounts and regions read, with how many live resources each held
 * @param stateFiles how many state files contributed resources
 * @param errors     whatever could not be read: the check cannot vouch for what it did not see
 * @param notChecked state entries left out of the comparison, with why
 * @param strict     whether entries of unsupported types make the check fail as misplaced ones do
 * @param millis     time the engine took: reading states and cloud, comparing (process start excluded)
 */
public record CheckResult(
        List<DriftObservation> drift,
        List<Checked> checked,
        long stateFiles,
        List<String> errors,
        List<NotChecked> notChecked,
        boolean strict,
        long millis) {

    public static final int IN_SYNC = 0;
    public static final int DRIFT = 1;
    public static final int ERROR = 2;

    public record Checked(ScanTarget target, int resources) {}

    public CheckResult {
        drift = List.copyOf(drift);
        checked = List.copyOf(checked);
        errors = List.copyOf(errors);
        notChecked = List.copyOf(notChecked);
    }

    /** Drops unmanaged resources, for pipelines that only vouch for what their states manage. */
    public CheckResult onlyManaged() {
        return new CheckResult(
                drift.stream().filter(d -> d.kind() != DriftKind.UNMANAGED).toList(),
                checked,
                stateFiles,
                errors,
                notChecked,
                strict,
                millis);
    }

    /**
     * As {@code terraform plan -detailed-exitcode}: an error wins over drift, since an unread source may hide
     * some. Entries left unchecked because of the accounts and regions read (or an unknown location) are an
     * error: the check was pointed at the wrong place. Unsupported types are one only when strict.
     */
    public int exitCode() {
        boolean unvouched = notChecked.stream().anyMatch(n -> n.misplaced() || strict);
        return !errors.isEmpty() || unvouched ? ERROR : !drift.isEmpty() ? DRIFT : IN_SYNC;
    }

    public long count(DriftKind kind) {
        return drift.stream().filter(d -> d.kind() == kind).count();
    }

    public long count(NotChecked.Reason reason) {
        return notChecked.stream().filter(n -> n.reason() == reason).count();
    }
}
