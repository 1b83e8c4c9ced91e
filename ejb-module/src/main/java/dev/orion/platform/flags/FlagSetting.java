package dev.orion.platform.flags;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One stored value of a flag: the platform's (no vendor) or one vendor's override. Written by {@link FlagSettingStore#put}. */
@Entity
@Table(name = "feature_flags")
public class FlagSetting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(name = "vendor_id", updatable = false)
    private Long vendorId;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    protected FlagSetting() {
    }

    public String name() { return name; }
    public Long vendorId() { return vendorId; }
    public boolean enabled() { return enabled; }
    public Instant updatedAt() { return updatedAt; }
    public String updatedBy() { return updatedBy; }
}
