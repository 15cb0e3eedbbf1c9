package dev.driftwatch.policy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An exemption from one policy, for one resource or a tag selection, until it expires. */
@Entity
@Table(name = "waiver")
public class WaiverEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "policy_id")
    public String policyId;

    @Column(name = "resource_id")
    public String resourceId;

    @Column(name = "tag_key")
    public String tagKey;

    @Column(name = "tag_value")
    public String tagValue;

    public String owner;
    public String reason;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;
}
