package dev.orion.events.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    private static final List<Duration> SCHEDULE = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1));

    @Test
    void retriesFollowTheScheduleThenTheDeliveryIsDead() {
        var delivery = new Delivery(UUID.randomUUID(), 1, SCHEDULE.size());
        var now = OffsetDateTime.now();

        assertEquals(Optional.of(Duration.ofMinutes(1)), delivery.failedForNow(SCHEDULE, now));
        assertEquals(Optional.of(Duration.ofMinutes(5)), delivery.failedForNow(SCHEDULE, now));
        assertEquals(Optional.of(Duration.ofHours(1)), delivery.failedForNow(SCHEDULE, now));
        assertEquals(Optional.empty(), delivery.failedForNow(SCHEDULE, now));
        assertEquals(Delivery.Status.DEAD, delivery.getStatus());
        assertEquals(4, delivery.getAttempts());
    }

    @Test
    void aMessageForAnAttemptMadeAlreadyFindsNothingToDo() {
        var delivery = new Delivery(UUID.randomUUID(), 1, SCHEDULE.size());
        assertTrue(delivery.awaits(1));

        delivery.delivered();

        assertFalse(delivery.awaits(1));
        assertFalse(delivery.awaits(2));
    }

    @Test
    void aRedeliveryIsOneAttemptWithoutRetries() {
        var delivery = new Delivery(UUID.randomUUID(), 1, SCHEDULE.size());
        delivery.failed();

        delivery.redeliver();

        assertTrue(delivery.awaits(2));
        assertEquals(Optional.empty(), delivery.failedForNow(SCHEDULE, OffsetDateTime.now()));
        assertEquals(Delivery.Status.DEAD, delivery.getStatus());
    }

    @Test
    void aRotatedSecretSignsBesideTheNewOneUntilTheOverlapEnds() {
        var endpoint = new WebhookEndpoint(1, "https://example.com/hook", null, List.of("order.created"), "old");
        var now = OffsetDateTime.now();

        endpoint.rotate("new", now.plusHours(1));

        assertEquals(List.of("new", "old"), endpoint.signingSecrets(now));
        assertEquals(List.of("new"), endpoint.signingSecrets(now.plusHours(2)));
    }
}
