package dev.orion.platform.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobCapacityTest {

    private static JobCapacity with(Map<String, String> settings) {
        return new JobCapacity(name -> Optional.ofNullable(settings.get(name)));
    }

    @Test
    void eachKindHasItsOwnSlots() {
        var capacity = with(Map.of("orion.import.slots", "1", "orion.report.slots", "3"));
        assertFalse(capacity.admits("import", 1), "the one import slot is taken");
        assertTrue(capacity.admits("report", 1), "reports are not held back by imports");
        assertTrue(capacity.admits("report", 2));
        assertFalse(capacity.admits("report", 3));
        assertEquals(2, capacity.free("report", 1));
        assertEquals(0, capacity.free("import", 5));
    }

    @Test
    void aKindWithoutSettingHasTheDefaultSlots() {
        var capacity = with(Map.of());
        assertTrue(capacity.batchEnabled());
        assertEquals(JobCapacity.DEFAULT_SLOTS, capacity.slotsHere("import"));
        assertEquals(JobCapacity.DEFAULT_SLOTS, capacity.slotsHere("report"));
    }

    @Test
    void apiOnlyServerAdmitsNothingSoItsJobsWaitForBatchServers() {
        var capacity = with(Map.of("orion.batch.enabled", "false", "orion.import.slots", "4"));
        assertFalse(capacity.batchEnabled());
        assertEquals(0, capacity.slotsHere("import"));
        assertFalse(capacity.admits("import", 0));
        assertEquals(0, capacity.free("report", 0));
    }

    @Test
    void zeroSlotsRunNoneOfThatKindHere() {
        var capacity = with(Map.of("orion.report.slots", "0"));
        assertFalse(capacity.admits("report", 0));
        assertTrue(capacity.admits("import", 0));
    }

    @Test
    void eachVendorRunsOneImportAndOneReportAtOnceByDefault() {
        var capacity = with(Map.of());
        assertEquals(1, capacity.vendorLimit("import"));
        assertTrue(capacity.admitsForVendor("import", 7L, 0));
        assertFalse(capacity.admitsForVendor("import", 7L, 1), "the vendor's second import waits for its first");
        assertFalse(capacity.admitsForVendor("report", 7L, 1));
        assertTrue(capacity.admitsForVendor("report", null, 5), "a report of all vendors is no vendor's share");
    }

    @Test
    void vendorLimitIsConfigurablePerKindAndZeroLiftsIt() {
        var capacity = with(Map.of("orion.import.vendor.limit", "2", "orion.report.vendor.limit", "0"));
        assertTrue(capacity.admitsForVendor("import", 7L, 1));
        assertFalse(capacity.admitsForVendor("import", 7L, 2));
        assertTrue(capacity.admitsForVendor("report", 7L, 40));
    }

    @Test
    void kindComesFromTheAdmissionStepsName() {
        assertEquals("import", JobCapacity.kindOf("import-admission"));
        assertEquals("report", JobCapacity.kindOf("report-admission"));
        assertThrows(IllegalArgumentException.class, () -> JobCapacity.kindOf("import-rows"));
        assertThrows(IllegalArgumentException.class, () -> JobCapacity.kindOf("-admission"));
        assertEquals("ADMITTED@node-a", JobCapacity.admittedOn("node-a"));
    }

    @Test
    void queuedIsAStoppedExecutionWhoseExitStatusSaysSo() {
        var queued = new JobExecutionView(1, 1, "product-import", "STOPPED", "QUEUED", null, null, null, Map.of(), 0, 0, 0, 0);
        var stopped = new JobExecutionView(2, 2, "product-import", "STOPPED", "STOPPED", null, null, null, Map.of(), 0, 0, 0, 0);
        assertTrue(queued.queued());
        assertEquals("QUEUED", queued.status());
        assertFalse(stopped.queued());
        assertEquals("STOPPED", stopped.status());
    }
}
