package dev.orion.platform.flags;

import dev.orion.platform.audit.Actor;
import dev.orion.platform.audit.AuditLog;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reading and changing the stored flag values, for the console and the API alike: each change is written with its
 * audit entry ({@code flag.set}, {@code flag.clear}) in one transaction, and every server's caches learn of it
 * (this one at once, the others within one TTL). Whether the vendor exists is the adapter's to check: the kernel
 * knows no vendors.
 */
@Stateless
public class FeatureFlagSettings {

    @Inject
    FlagSettingStore store;

    @Inject
    FeatureFlags flags;

    @Inject
    AuditLog audit;

    @Inject
    Event<FlagsChanged> changed;

    public List<FlagState> list() {
        Map<String, List<FlagSetting>> stored = store.all().stream().collect(Collectors.groupingBy(FlagSetting::name));
        return flags.declared().stream().map(flag -> state(flag, stored.getOrDefault(flag.name(), List.of()))).toList();
    }

    /** The flag's state; an undeclared name is an {@link UnknownFlagException}. */
    public FlagState get(String name) {
        FeatureFlag flag = declared(name);
        return state(flag, store.all().stream().filter(s -> s.name().equals(flag.name())).toList());
    }

    /** Sets the platform value ({@code vendorId} null) or a vendor's override. */
    public FlagState set(String name, Long vendorId, boolean enabled, Actor who) {
        declared(name);
        store.put(name, vendorId, enabled, who.name());
        audit.record(who, vendorId, "flag.set", "feature-flag", name, (enabled ? "on" : "off") + scope(vendorId));
        changed.fire(new FlagsChanged(name));
        return get(name);
    }

    /** Removes the platform value (back to the default) or a vendor's override (back to the platform value). */
    public FlagState clear(String name, Long vendorId, Actor who) {
        declared(name);
        if (store.remove(name, vendorId)) {
            audit.record(who, vendorId, "flag.clear", "feature-flag", name, "cleared" + scope(vendorId));
            changed.fire(new FlagsChanged(name));
        }
        return get(name);
    }

    private FeatureFlag declared(String name) {
        return flags.declared(name).orElseThrow(() -> new UnknownFlagException(name));
    }

    private static String scope(Long vendorId) {
        return vendorId == null ? " for the platform" : " for vendor " + vendorId;
    }

    private static FlagState state(FeatureFlag flag, List<FlagSetting> settings) {
        FlagSetting platform = settings.stream().filter(s -> s.vendorId() == null).findFirst().orElse(null);
        var vendors = settings.stream().filter(s -> s.vendorId() != null)
                .map(s -> new FlagState.VendorValue(s.vendorId(), s.enabled(), s.updatedAt(), s.updatedBy())).toList();
        return new FlagState(flag.name(), flag.description(), flag.onByDefault(), platform == null ? null : platform.enabled(),
                platform == null ? null : platform.updatedAt(), platform == null ? null : platform.updatedBy(), vendors);
    }
}
