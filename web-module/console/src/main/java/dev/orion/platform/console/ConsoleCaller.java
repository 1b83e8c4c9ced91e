package dev.orion.platform.console;

/**
 * The signed-in console user as every capability's pages see them: who they are and which vendors they may see.
 * Identity implements it (its session bean knows roles and accounts); pages depend on this, not on identity.
 */
public interface ConsoleCaller {

    String getEmail();

    /** The one vendor a VENDOR user may see; null for platform staff. */
    Long getVendorId();

    /** ADMIN, STAFF or MONITOR: sees every vendor. */
    boolean isPlatform();

    /** MONITOR: may look at what platform staff sees, never change anything (no action is shown or accepted). */
    boolean isReadOnly();
}
