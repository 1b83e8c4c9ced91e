package dev.orion.events.console;

import dev.orion.platform.console.ConsoleCaller;

/** Which vendor's endpoints a console user may see: a VENDOR user their own vendor's only, platform staff any. */
final class WebhookScope {

    /** A vendor id that no vendor has: what a VENDOR user without a vendor sees (nothing). */
    private static final long NOBODY = -1L;

    private WebhookScope() {
    }

    /** The vendor to ask for; null (every vendor) for platform staff, who may narrow it with {@code chosen}. */
    static Long of(ConsoleCaller user, Long chosen) {
        if (user.isPlatform()) {
            return chosen;
        }
        return user.getVendorId() == null ? NOBODY : user.getVendorId();
    }
}
