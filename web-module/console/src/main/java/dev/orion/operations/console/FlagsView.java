package dev.orion.operations.console;

import dev.orion.platform.console.ConsoleActor;
import dev.orion.platform.console.PageMessages;
import dev.orion.platform.console.VendorMenu;
import dev.orion.platform.flags.FeatureFlagSettings;
import dev.orion.platform.flags.FlagState;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The feature flags page (ADMIN): every flag the capabilities declare, its platform value and the vendors'
 * overrides; switch either on or off, or clear it. {@link FeatureFlagSettings} stores and audits each change.
 */
@Named
@ViewScoped
public class FlagsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    FeatureFlagSettings settings;

    @Inject
    ConsoleActor actor;

    @Inject
    VendorMenu vendorChoices;

    private final PageMessages messages = new PageMessages("dev.orion.console.flags");
    private List<FlagState> flags;
    private String overrideFlag;
    private Long overrideVendor;
    private boolean overrideOn;

    @PostConstruct
    void init() {
        refresh();
    }

    public void refresh() {
        flags = settings.list();
    }

    public void setPlatform(String name, boolean on) {
        settings.set(name, null, on, actor.get());
        messages.info(on ? "platform.on.done" : "platform.off.done", name);
        refresh();
    }

    public void clearPlatform(String name) {
        settings.clear(name, null, actor.get());
        messages.info("platform.cleared", name);
        refresh();
    }

    public void saveOverride() {
        if (overrideFlag == null || overrideVendor == null) {
            messages.error("override-form:vendor", "override.incomplete", null);
            return;
        }
        settings.set(overrideFlag, overrideVendor, overrideOn, actor.get());
        messages.info(overrideOn ? "override.on.done" : "override.off.done", overrideFlag, vendorChoices.name(overrideVendor));
        refresh();
    }

    public void clearOverride(String name, long vendorId) {
        settings.clear(name, vendorId, actor.get());
        messages.info("override.cleared", name, vendorChoices.name(vendorId));
        refresh();
    }

    public String vendorName(long vendorId) {
        return vendorChoices.name(vendorId);
    }

    public List<FlagState> getFlags() { return flags; }
    public String getOverrideFlag() { return overrideFlag; }
    public void setOverrideFlag(String overrideFlag) { this.overrideFlag = overrideFlag; }
    public Long getOverrideVendor() { return overrideVendor; }
    public void setOverrideVendor(Long overrideVendor) { this.overrideVendor = overrideVendor; }
    public boolean isOverrideOn() { return overrideOn; }
    public void setOverrideOn(boolean overrideOn) { this.overrideOn = overrideOn; }
}
