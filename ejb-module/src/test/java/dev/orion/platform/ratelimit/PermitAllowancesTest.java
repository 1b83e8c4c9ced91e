package dev.orion.platform.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PermitAllowancesTest {

    private static final RatePlan BUSY = RatePlan.parse("200/400"); // 400 per 2 s, batches of 20
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final PermitAllowances allowances = new PermitAllowances(clock::get);

    @Test
    void aBatchIsATenthOfASecondOfThePlansRateWithinBounds() {
        assertEquals(20, PermitAllowances.batch(BUSY));
        assertEquals(2, PermitAllowances.batch(RatePlan.parse("20/40")));
        assertEquals(PermitAllowances.MAX_BATCH, PermitAllowances.batch(RatePlan.parse("1000000/2000000")));
        assertEquals(1, PermitAllowances.batch(RatePlan.parse("1/300")), "a slow plan asks Redis every time");
        assertEquals(1, PermitAllowances.batch(RatePlan.parse("30/PT15M")), "budgets per duration stay exact");
    }

    @Test
    void servesTheBatchLessTheRefillersOwnPermitThenAsksAgain() {
        var refill = allowances.claimRefill("client:a", BUSY);
        RateDecision first = allowances.refilled(refill, clock.get(), 20, 380, 2000, BUSY);
        assertTrue(first.allowed());
        assertEquals(399, first.remaining(), "left in Redis plus left here");

        for (int i = 0; i < 19; i++) {
            RateDecision held = allowances.take("client:a", BUSY);
            assertNotNull(held, "permit " + (i + 2));
            assertEquals(380 + 18 - i, held.remaining());
        }
        assertNull(allowances.take("client:a", BUSY), "the batch is used up: Redis is asked");
        assertFalse(allowances.holds("client:a", BUSY));
    }

    @Test
    void anAllowanceEndsWithTheWindowItWasTakenIn() {
        long askedAt = clock.get();
        allowances.refilled(allowances.claimRefill("client:a", BUSY), askedAt, 20, 380, 2000, BUSY);
        clock.set(askedAt + 1_999_000_000L);
        RateDecision late = allowances.take("client:a", BUSY);
        assertNotNull(late);
        assertEquals(1, late.resetSeconds());

        clock.set(askedAt + 2_000_000_000L);
        assertNull(allowances.take("client:a", BUSY), "Redis frees these permits now: this node must not use them");
        assertFalse(allowances.holds("client:a", BUSY));
    }

    @Test
    void aRefusedRefillLeavesNothingToServe() {
        RateDecision refused = allowances.refilled(allowances.claimRefill("client:a", BUSY), clock.get(), 0, 0, 1500, BUSY);
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(2, refused.resetSeconds());
        assertNull(allowances.take("client:a", BUSY));
    }

    @Test
    void eachClientAndPlanHasItsOwnAllowance() {
        allowances.refilled(allowances.claimRefill("client:a", BUSY), clock.get(), 20, 380, 2000, BUSY);
        assertNull(allowances.take("client:b", BUSY));
        assertNull(allowances.take("client:a", RatePlan.parse("100/400")), "a plan change starts from Redis");
        assertNotNull(allowances.take("client:a", BUSY));
    }

    @Test
    void onlyOneRefillAtATimeAndAnAbandonedOneCanBeRetried() {
        var refill = allowances.claimRefill("client:a", BUSY);
        assertNotNull(refill);
        assertNull(allowances.claimRefill("client:a", BUSY), "another request is refilling: take one permit instead");
        allowances.abandon(refill);
        assertNotNull(allowances.claimRefill("client:a", BUSY));
    }

    @Test
    void aRequestThatFoundTheAllowanceEmptyJustBeforeAnotherRefilledItDoesNotRefillOverIt() {
        assertNull(allowances.take("client:a", BUSY), "request B finds nothing held");
        allowances.refilled(allowances.claimRefill("client:a", BUSY), clock.get(), 20, 380, 2000, BUSY); // request A
        assertNull(allowances.claimRefill("client:a", BUSY),
                "B must take from A's batch: a refill now would replace its 19 permits, counted in Redis and never served");
        for (int i = 0; i < 19; i++) {
            assertNotNull(allowances.take("client:a", BUSY), "A's permit " + (i + 2));
        }
        assertNotNull(allowances.claimRefill("client:a", BUSY), "used up: the next refill may go ahead");
    }

    @Test
    void aForgottenAllowanceServesNothing() {
        allowances.refilled(allowances.claimRefill("client:a", BUSY), clock.get(), 20, 380, 2000, BUSY);
        allowances.forget("client:a", BUSY);
        assertNull(allowances.take("client:a", BUSY));
    }

    @Test
    void memoryStaysBoundedByDroppingEndedAllowancesFirst() {
        for (int i = 0; i < PermitAllowances.MAX_ALLOWANCES; i++) {
            var refill = allowances.claimRefill("ended:" + i, BUSY);
            allowances.refilled(refill, clock.get(), 1, 0, 2000, BUSY); // its one permit went to the refiller
        }
        allowances.refilled(allowances.claimRefill("busy", BUSY), clock.get(), 20, 380, 2000, BUSY);
        assertEquals(1, allowances.size(), "the used-up allowances were dropped, the live one kept");
        assertNotNull(allowances.take("busy", BUSY));
    }

    @Test
    void concurrentRequestsNeverTakeMoreThanWasGranted() throws Exception {
        allowances.refilled(allowances.claimRefill("client:a", BUSY), clock.get(), 20, 380, 2000, BUSY);
        int threads = 8;
        AtomicInteger served = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 100; i++) {
                        if (allowances.take("client:a", BUSY) != null) {
                            served.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            start.countDown();
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
        assertEquals(19, served.get(), "20 granted, one of them used by the refilling request");
    }
}
