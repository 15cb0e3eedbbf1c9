package dev.driftwatch.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Waivers: granted with an owner, a reason and an expiry; expired ones stop applying without anyone acting. */
@ApplicationScoped
public class Waivers {

    private final Clock clock;

    Waivers(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public Waiver grant(Waiver waiver, String grantedBy) {
        List<String> problems = new java.util.ArrayList<>();
        if (blank(waiver.policyId())) {
            problems.add("policyId is required");
        }
        if (blank(waiver.owner())) {
            problems.add("owner is required");
        }
        if (blank(waiver.reason())) {
            problems.add("reason is required");
        }
        if (waiver.expiresAt() == null || !waiver.expiresAt().isAfter(clock.instant())) {
            problems.add("expiresAt must be in the future");
        }
        if (blank(waiver.resourceId()) == (blank(waiver.tagKey()) || blank(waiver.tagValue()))) {
            problems.add("give either resourceId or both tagKey and tagValue");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Waiver not granted: " + String.join("; ", problems));
        }
        WaiverEntity entity = new WaiverEntity();
        entity.policyId = waiver.policyId();
        entity.resourceId = blank(waiver.resourceId()) ? null : waiver.resourceId();
        entity.tagKey = blank(waiver.tagKey()) ? null : waiver.tagKey();
        entity.tagValue = blank(waiver.tagValue()) ? null : waiver.tagValue();
        entity.owner = waiver.owner();
        entity.reason = waiver.reason();
        entity.expiresAt = waiver.expiresAt();
        entity.createdAt = clock.instant();
        entity.createdBy = grantedBy;
        entity.persist();
        return Waiver.of(entity);
    }

    /** Waivers that have not expired. */
    @Transactional
    public List<Waiver> active() {
        return WaiverEntity.<WaiverEntity>list("expiresAt > ?1", clock.instant()).stream()
                .map(Waiver::of)
                .toList();
    }

    @Transactional
    public boolean revoke(long id) {
        return WaiverEntity.deleteById(id);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
