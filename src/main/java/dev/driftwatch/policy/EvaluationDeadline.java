package dev.driftwatch.policy;

import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationListener;
import java.time.Duration;

/**
 * The wall-clock limit of one evaluation. CEL calls it after every sub-expression it evaluates, so an
 * expression that runs too long is stopped mid-way rather than timed after the fact. The clock is read
 * every 64 calls: reading it on each would cost more than most sub-expressions.
 */
final class EvaluationDeadline implements CelEvaluationListener {

    /**
     * Thrown out of the evaluation when its time is up. An {@link Error} on purpose: CEL turns exceptions
     * into error values, which {@code &&}, {@code ||} and the {@code all}/{@code exists} macros absorb, so
     * an exception would only end one step and the evaluation would go on.
     */
    static final class Exceeded extends Error {
        Exceeded(Duration limit) {
            super("evaluation took longer than " + limit.toMillis() + " ms", null, false, false);
        }
    }

    private final Duration limit;
    private final long deadline;
    private int calls;

    EvaluationDeadline(Duration limit) {
        this.limit = limit;
        this.deadline = System.nanoTime() + limit.toNanos();
    }

    @Override
    public void callback(CelExpr expr, Object result) {
        if ((++calls & 63) == 0 && System.nanoTime() - deadline > 0) {
            throw new Exceeded(limit);
        }
    }
}
