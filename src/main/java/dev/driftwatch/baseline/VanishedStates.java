package dev.driftwatch.baseline;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The states a source listed before and does not list now. Not "nothing managed": each is unknown until
 * it is listed again or confirmed gone, and too many at once is a problem of the source itself.
 *
 * @param states      the vanished states, as remembered
 * @param previously  how many states the source held before (destroyed ones left out)
 */
record VanishedStates(List<KnownState> states, int previously) {

    static VanishedStates of(Map<String, KnownState> before, Collection<String> listedNow) {
        List<KnownState> held = before.values().stream()
                .filter(s -> s.status() != KnownState.Status.DESTROYED)
                .toList();
        return new VanishedStates(
                held.stream().filter(s -> !listedNow.contains(s.name())).toList(), held.size());
    }

    /** More than {@code maxShare} of the source's states went at once: a moved prefix, a wrong mount, not a change. */
    boolean tooMany(double maxShare) {
        return !states.isEmpty() && states.size() > maxShare * previously;
    }

    /** What to remember of a source none of whose states were read: the vanished ones counted, the listed ones unread. */
    List<KnownState> unread(String source, Map<String, KnownState> before, List<String> listed, Instant now) {
        List<KnownState> remembered =
                new ArrayList<>(states.stream().map(KnownState::vanishedAgain).toList());
        for (String name : listed) {
            KnownState known = before.get(name);
            remembered.add(new KnownState(
                    name, source, known == null ? null : known.lineage(), KnownState.Status.FAILED, now, 0));
        }
        return remembered;
    }

    String sourceProblem() {
        boolean firstTime = states.stream().noneMatch(s -> s.status() == KnownState.Status.VANISHED);
        return (firstTime
                        ? "lost " + states.size() + " of " + previously + " states in one round"
                        : states.size() + " of its " + previously + " states are still not listed")
                + ": every state of the source is unknown until they are listed again or each is confirmed gone"
                + " (GET /api/states lists them; DELETE /api/states/{name} confirms one)";
    }

    /** The problem of one vanished state, after {@code state.roundsVanished()} reads without it. */
    static String problem(KnownState state, int vanishedRounds) {
        String confirm = "DELETE /api/states/" + encoded(state.name()) + " confirms";
        if (state.roundsVanished() <= vanishedRounds) {
            return "listed by " + state.source() + " before, not now: unknown until confirmed gone; " + confirm;
        }
        return "not listed by " + state.source() + " for " + state.roundsVanished() + " reads (last seen "
                + state.lastSeen() + "): lost, and still unknown until confirmed gone; " + confirm + ", or restore it";
    }

    /** The name as one URL path segment. */
    static String encoded(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
