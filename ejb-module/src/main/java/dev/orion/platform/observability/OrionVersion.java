package dev.orion.platform.observability;

/** Orion's version, as the build wrote it into this module's manifest. */
public final class OrionVersion {

    private OrionVersion() {
    }

    public static String get() {
        String version = OrionVersion.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }
}
