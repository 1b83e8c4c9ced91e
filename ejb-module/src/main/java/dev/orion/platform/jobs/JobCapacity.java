package dev.orion.platform.jobs;

import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How much batch work of each kind one server runs at once. WildFly gives a deployment a single JBeret thread
 * pool, so kinds of work cannot each have a pool of their own; instead every job begins with an admission step
 * ({@code <kind>-admission}, e.g. {@code import-admission}) that takes one of its kind's slots on this server or,
 * when none is free, stops the execution as {@value JobExecutionView#QUEUED} so it holds no thread while it waits.
 * A queued execution is restarted when a slot of its kind frees (on any server that runs batch work). Slots are
 * settings {@code orion.<kind>.slots} (environment {@code ORION_IMPORT_SLOTS}, {@code ORION_REPORT_SLOTS});
 * {@code orion.batch.enabled=false} makes an API-only server: it admits nothing, so what it starts is queued and
 * run by the others. Fair share: besides the server's slots, each vendor may run at most
 * {@code orion.<kind>.vendor.limit} executions of a kind at once across the cluster (environment
 * {@code ORION_IMPORT_VENDOR_LIMIT}, {@code ORION_REPORT_VENDOR_LIMIT}, 1 by default; 0 for no limit): its next one
 * waits QUEUED until its previous one ends, while another vendor's starts at once. docs/operations.md, "Job capacity".
 */
public final class JobCapacity {

    /** The exit status of an admission step that took a slot, followed by {@code @node}. */
    public static final String ADMITTED = "ADMITTED";
    public static final String STEP_SUFFIX = "-admission";
    static final int DEFAULT_SLOTS = 2;
    static final int DEFAULT_VENDOR_LIMIT = 1;

    private final Function<String, Optional<String>> settings;

    /** {@code settings} maps a setting's name (orion.import.slots) to its value, if set. */
    public JobCapacity(Function<String, Optional<String>> settings) {
        this.settings = settings;
    }

    /** The server's settings, from MicroProfile Config (environment variables included). */
    public static JobCapacity ofConfig() {
        var config = ConfigProvider.getConfig();
        return new JobCapacity(name -> config.getOptionalValue(name, String.class));
    }

    /** False on an API-only server, which runs no batch work of its own. */
    public boolean batchEnabled() {
        return settings.apply("orion.batch.enabled").map(String::strip).map(Boolean::parseBoolean).orElse(true);
    }

    /** The slots of {@code kind} this server has: 0 on an API-only server. */
    public int slotsHere(String kind) {
        if (!batchEnabled()) {
            return 0;
        }
        return settings.apply("orion." + kind + ".slots").map(String::strip).map(Integer::parseInt)
                .map(slots -> Math.max(0, slots)).orElse(DEFAULT_SLOTS);
    }

    /** Whether one more execution of {@code kind} may run here while {@code admittedHere} others hold its slots. */
    public boolean admits(String kind, long admittedHere) {
        return admittedHere < slotsHere(kind);
    }

    /** How many executions of {@code kind} one vendor may run at once in the cluster; 0 means no limit. */
    public int vendorLimit(String kind) {
        return settings.apply("orion." + kind + ".vendor.limit").map(String::strip).map(Integer::parseInt)
                .map(limit -> Math.max(0, limit)).orElse(DEFAULT_VENDOR_LIMIT);
    }

    /**
     * Whether a vendor's execution of {@code kind} may start while {@code runningForVendor} others of that vendor and
     * kind run (anywhere in the cluster). A job for no single vendor (a report of all vendors) is not limited.
     */
    public boolean admitsForVendor(String kind, Long vendorId, long runningForVendor) {
        int limit = vendorLimit(kind);
        return vendorId == null || limit == 0 || runningForVendor < limit;
    }

    /** How many queued executions of {@code kind} this server may start now. */
    public int free(String kind, long admittedHere) {
        return (int) Math.max(0, slotsHere(kind) - admittedHere);
    }

    /** The kind an admission step admits: {@code import} for {@code import-admission}. */
    public static String kindOf(String admissionStep) {
        if (!admissionStep.endsWith(STEP_SUFFIX) || admissionStep.length() == STEP_SUFFIX.length()) {
            throw new IllegalArgumentException("An admission step is named <kind>" + STEP_SUFFIX + ", not " + admissionStep);
        }
        return admissionStep.substring(0, admissionStep.length() - STEP_SUFFIX.length());
    }

    /** The exit status of an admission step that took a slot on {@code node}: what counts a server's slots in use. */
    public static String admittedOn(String node) {
        return ADMITTED + "@" + node;
    }
}
