package dev.driftwatch.remediation;

import dev.driftwatch.remediation.RemediationEvent.Step;
import dev.driftwatch.remediation.RemediationRefused.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Set;

/**
 * Approving and rejecting: by an approver who is not the requester, once per approver; enough approvals make the
 * remediation ready to run (its resource is re-read again before anything is written).
 */
@ApplicationScoped
public class Approvals {

    private final Remediations remediations;

    Approvals(Remediations remediations) {
        this.remediations = remediations;
    }

    @Transactional
    public RemediationView approve(long id, String approver, String comment) {
        RemediationEntity row = awaiting(id, approver, true);
        long earlier = RemediationStepEntity.count(
                "remediationId = ?1 and step = ?2 and actor = ?3", id, Step.APPROVED.label(), approver);
        if (earlier > 0) {
            throw new RemediationRefused(Kind.CONFLICT, approver + " has already approved remediation " + id);
        }
        long approvals = 1 + RemediationStepEntity.count("remediationId = ?1 and step = ?2", id, Step.APPROVED.label());
        if (approvals >= row.approvalsRequired) {
            remediations.move(
                    id,
                    Set.of(RemediationStatus.AWAITING_APPROVAL),
                    RemediationStatus.APPROVED,
                    Step.APPROVED,
                    approver,
                    comment);
        } else {
            remediations.note(id, Step.APPROVED, approver, comment);
        }
        return RemediationView.of(row);
    }

    @Transactional
    public RemediationView reject(long id, String approver, String comment) {
        awaiting(id, approver, false);
        remediations.move(
                id,
                Set.of(RemediationStatus.AWAITING_APPROVAL),
                RemediationStatus.REJECTED,
                Step.REJECTED,
                approver,
                "rejected by " + approver + (comment == null || comment.isBlank() ? "" : ": " + comment));
        return RemediationView.of(RemediationEntity.findById(id));
    }

    /** @param approving an approval (the requester may withdraw, by rejecting, but never approve) */
    private static RemediationEntity awaiting(long id, String approver, boolean approving) {
        RemediationEntity row = RemediationEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw new RemediationRefused(Kind.NOT_FOUND, "no remediation " + id);
        }
        if (row.status != RemediationStatus.AWAITING_APPROVAL) {
            throw new RemediationRefused(
                    Kind.CONFLICT, "remediation " + id + " is " + row.status + ", not awaiting approval");
        }
        if (approving && row.requestedBy.equals(approver)) {
            throw new RemediationRefused(Kind.NOT_ALLOWED, "whoever requested a remediation cannot approve it");
        }
        return row;
    }
}
