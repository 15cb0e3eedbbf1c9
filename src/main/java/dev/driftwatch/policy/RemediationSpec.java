package dev.driftwatch.policy;

import java.util.Locale;
import java.util.Objects;

/**
 * A policy's {@code remediation} section, carried by its violations into their findings and events. A policy
 * without one has none ({@code null}): its findings are only reported.
 *
 * @param action       what to do, e.g. {@code revoke_ingress}; {@code null} when the mode needs none
 * @param precondition CEL that must hold before acting; {@code null} for none
 */
public record RemediationSpec(Mode mode, String action, String precondition) {

    /** Who acts on a violation. */
    public enum Mode {
        /** driftwatch fixes it. */
        AUTO,
        /** driftwatch fixes it once someone approved. */
        APPROVE,
        /** a ticket is opened. */
        TICKET,
        /** the finding only. */
        REPORT;

        /** As written in a policy file. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @return the mode written as {@code label}, or {@code null} if there is none such */
        static Mode ofLabel(String label) {
            for (Mode mode : values()) {
                if (mode.label().equals(label)) {
                    return mode;
                }
            }
            return null;
        }

        /** Auto and approve change the cloud, so they must say how. */
        boolean needsAction() {
            return this == AUTO || this == APPROVE;
        }
    }

    public RemediationSpec {
        Objects.requireNonNull(mode, "mode");
    }
}
