package dev.orion.platform.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link RateLimits} on several nodes sharing one budget store that counts as the Lua script does (permits counted
 * when granted, never more than are left). The windows are long enough that none ends during a test.
 */
class RateLimitsBatchTest {

    /** The script's counting, for one window: grants up to {@code wanted}, never more than are left. */
    static final class SharedBudget {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicBoolean down = new AtomicBoolean();
        private int used;

        synchronized List<Object> answer(RatePlan plan, int wanted) {
            if (down.get()) {
                throw new IllegalStateException("Redis does not answer");
            }
            calls.incrementAndGet();
            long allowed = used < plan.burst() ? 1 : 0;
            long granted = Math.min(wanted, plan.burst() - used);
            used += (int) granted;
            return List.of(allowed, (long) plan.burst() - used, plan.windowMillis(), granted);
        }
    }

    private static RateLimits node(SharedBudget budget) {
        var node = new RateLimits() {
            @Override
            List<Object> redisAnswer(String key, RatePlan plan, int wanted) {
                return budget.answer(plan, wanted);
            }
        };
        node.local = new LocalRateLimits();
        return node;
    }

    private static final RatePlan BUSY = RatePlan.parse("1000/6000"); // 6,000 per 6 s, batches of 50

    @Test
    void aBusyClientAsksRedisOncePerBatchAndTheHeadersCountDown() {
        SharedBudget budget = new SharedBudget();
        RateLimits node = node(budget);
        List<Long> remaining = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            RateDecision decision = node.acquire("client:a", BUSY);
            assertTrue(decision.allowed());
            assertEquals(6000, decision.limit());
            remaining.add(decision.remaining());
        }
        assertEquals(2, budget.calls.get());
        for (int i = 0; i < 100; i++) {
            assertEquals(6000 - 1 - i, remaining.get(i), "request " + (i + 1));
        }
    }

    @Test
    void aSmallBudgetIsAskedOfRedisOnEveryRequestAndStaysExact() {
        SharedBudget budget = new SharedBudget();
        RateLimits node = node(budget);
        RatePlan tiny = RatePlan.parse("1/3");
        List<Boolean> allowed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            allowed.add(node.acquire("client:tiny", tiny).allowed());
        }
        assertEquals(List.of(true, true, true, false), allowed);
        assertEquals(4, budget.calls.get());
    }

    @Test
    void nodesTogetherNeverGrantMoreThanTheBudget() throws Exception {
        SharedBudget budget = new SharedBudget();
        List<RateLimits> nodes = List.of(node(budget), node(budget), node(budget));
        RatePlan plan = RatePlan.parse("500/1203"); // batches of 50 that do not divide the budget
        AtomicInteger served = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            for (int t = 0; t < 12; t++) {
                RateLimits node = nodes.get(t % nodes.size());
                pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 400; i++) {
                        if (node.acquire("client:a", plan).allowed()) {
                            served.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            start.countDown();
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        }
        int held = nodes.stream().mapToInt(RateLimitsBatchTest::drain).sum();
        assertEquals(1203, served.get() + held, "every permit granted in Redis is served once, here or later");
        assertTrue(held <= nodes.size() * (PermitAllowances.batch(plan) - 1), "held but unused: " + held);
    }

    @Test
    void whenRedisDoesNotAnswerThePermitsHeldAreServedThenTheNodesOwnLimiter() {
        SharedBudget budget = new SharedBudget();
        RateLimits node = node(budget);
        RatePlan plan = RatePlan.parse("100/100"); // batches of 10
        node.acquire("client:a", plan);
        budget.down.set(true);
        for (int i = 0; i < 9; i++) {
            assertEquals(99 - 1 - i, node.acquire("client:a", plan).remaining(), "held permit " + (i + 2));
        }
        RateDecision fallback = node.acquire("client:a", plan);
        assertTrue(fallback.allowed());
        assertEquals(99, fallback.remaining(), "this node's own budget (LocalRateLimits) starts full");
        budget.down.set(false);
        assertTrue(node.acquire("client:a", plan).allowed(), "a failed refill can be retried");
        assertEquals(2, budget.calls.get());
    }

    @Test
    void aHeldPermitMeansTheBudgetIsNotUsedUpAndAResetDropsIt() {
        SharedBudget budget = new SharedBudget();
        RateLimits node = node(budget);
        node.guard = new dev.orion.platform.redis.RedisGuard() {
            @Override
            public <T> T call(java.util.function.Supplier<T> redisWork) {
                throw new IllegalStateException("Redis does not answer");
            }
        };
        RatePlan plan = RatePlan.parse("100/100");
        node.acquire("client:a", plan);
        assertFalse(node.exhausted("client:a", plan));
        node.reset("client:a", plan);
        assertEquals(0, drain(node, "client:a", plan));
    }

    private static int drain(RateLimits node) {
        return drain(node, "client:a", RatePlan.parse("500/1203"));
    }

    private static int drain(RateLimits node, String key, RatePlan plan) {
        int held = 0;
        while (node.allowances.take(key, plan) != null) {
            held++;
        }
        return held;
    }
}
