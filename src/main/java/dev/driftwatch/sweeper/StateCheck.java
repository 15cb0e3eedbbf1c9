package dev.driftwatch.sweeper;

import dev.driftwatch.baseline.Baseline;
import dev.driftwatch.baseline.BaselineSnapshot;
import dev.driftwatch.baseline.ExpectedResource;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.resource.ResourceTypeCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Which resources a Terraform state manages, from the configured states. A state that could not be read makes the
 * answer unknown for the whole run (its resources could be anywhere), and so does a resource whose state does not
 * say its account: both keep resources rather than guess.
 */
@ApplicationScoped
public class StateCheck {

    private static final Logger LOG = Logger.getLogger(StateCheck.class);

    private final Baseline baseline;
    private final boolean protect;

    StateCheck(Baseline baseline, SweeperConfig config) {
        this.baseline = baseline;
        this.protect = config.protectStateManaged();
    }

    private record Key(String account, String type, String id) {}

    /** Reads the states once for a run and answers for each resource of the account. */
    public Function<CloudResource, StateManagement> forAccount(String account) {
        if (!protect) {
            return r -> StateManagement.UNMANAGED;
        }
        BaselineSnapshot states;
        try {
            states = baseline.load();
        } catch (RuntimeException e) {
            LOG.warnf("Terraform states cannot be read: nothing in %s is swept this run: %s", account, e.getMessage());
            return r -> StateManagement.UNKNOWN;
        }
        if (!states.complete() || !states.failedSources().isEmpty()) {
            LOG.warnf("States %s cannot be read: nothing in %s is swept this run", states.failedSources(), account);
            return r -> StateManagement.UNKNOWN;
        }
        Set<Key> managed = new HashSet<>();
        Set<Key> unlocated = new HashSet<>();
        for (ExpectedResource expected : states.resources()) {
            CloudResource r = expected.resource();
            String type = ResourceTypeCatalog.liveType(r.type());
            if (expected.located()) {
                managed.add(new Key(r.account(), type, r.id()));
            } else {
                unlocated.add(new Key("", type, r.id()));
            }
        }
        return r -> managed.contains(new Key(r.account(), r.type(), r.id()))
                        || unlocated.contains(new Key("", r.type(), r.id()))
                ? StateManagement.MANAGED
                : StateManagement.UNMANAGED;
    }
}
