package dev.orion.platform.flags;

import dev.orion.platform.DomainException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A feature asked for while its flag is off for this vendor (or for the platform): 403 {@code feature-off}. */
public class FeatureOffException extends DomainException {

    private final String flag;
    private final Long vendorId;

    public FeatureOffException(FeatureFlag flag, Long vendorId) {
        super(403, "feature-off", vendorId == null ? "Feature off" : "Feature off for this vendor",
                flag.description() + " is switched off " + (vendorId == null ? "on this platform" : "for vendor " + vendorId)
                        + " (feature flag " + flag.name() + ")", false);
        this.flag = flag.name();
        this.vendorId = vendorId;
    }

    public String flag() {
        return flag;
    }

    @Override
    public Map<String, Object> problemMembers() {
        var members = new LinkedHashMap<String, Object>();
        members.put("flag", flag);
        if (vendorId != null) {
            members.put("vendor_id", vendorId);
        }
        return members;
    }
}
