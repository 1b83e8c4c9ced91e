package dev.orion.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import java.time.Duration;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class HousekeepingTimerIT extends OrionDeployment {

    @Test
    void persistentTimerFiresAndRecordsItsRuns() {
        // the build runs the tests with ORION_MAINTENANCE_INTERVAL=PT3S
        String runs = Poll.until(Duration.ofSeconds(45),
                () -> TestData.queryString("SELECT count(*) FROM task_runs WHERE task = 'housekeeping' AND outcome = 'SUCCEEDED'"),
                count -> Integer.parseInt(count) >= 2);
        assertEquals(true, Integer.parseInt(runs) >= 2);
        assertEquals("1", TestData.queryString(
                "SELECT count(*) FROM jboss_ejb_timer WHERE partition_name = 'orion' AND info IS NOT NULL"),
                "exactly one persistent housekeeping timer is stored in the database");
    }
}
