package io.junction.kernel.router;

import io.junction.kernel.router.shared.CircuitBreaker;
import io.junction.kernel.router.shared.RedisStore;
import io.junction.spi.routing.DeploymentLoad;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two instances' views of one fleet through the real Redis, and what each does when the store goes away. */
class FleetStateTest
{
    private static final Duration WAIT = Duration.ofSeconds(2);

    private final TestClock clock = new TestClock("2026-11-22T10:00:10Z");
    private RedisStore redis;
    private SwitchableStore store;
    private FleetState one;
    private FleetState two;
    private DeploymentRuntime onesView;
    private DeploymentRuntime twosView;

    @BeforeEach
    void start()
    {
        redis = RedisStore.create("127.0.0.1", 6379, "junction-test-" + UUID.randomUUID());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!redis.connected() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        store = new SwitchableStore(redis);
        one = FleetState.sharedRefreshedByHand(store, WAIT, OptionalDouble.empty(), clock);
        two = FleetState.sharedRefreshedByHand(store, WAIT, OptionalDouble.empty(), clock);
        onesView = Deployments.withRpm("d1", "chat", 10, clock);
        twosView = Deployments.withRpm("d1", "chat", 10, clock);
        one.watch(List.of(new ModelGroup("chat", List.of(onesView, Deployments.of("d2", "chat", clock)))));
        two.watch(List.of(new ModelGroup("chat", List.of(twosView, Deployments.of("d2", "chat", clock)))));
    }

    @AfterEach
    void stop()
    {
        one.close();
        two.close();
        redis.close();
    }

    @Test
    void instancesHoldTheLimitTogether()
    {
        int granted = 0;
        for (int i = 0; i < 15; i++) {
            granted += one.reserve(onesView, 5) != null ? 1 : 0;
            granted += two.reserve(twosView, 5) != null ? 1 : 0;
        }

        assertEquals(10, granted);
        assertEquals(CircuitBreaker.State.CLOSED, one.state());
    }

    @Test
    void theRefreshMirrorsTheFleetsFiguresIntoRoutingLoads()
    {
        for (int i = 0; i < 3; i++) {
            assertNotNull(one.reserve(onesView, 100));
        }

        one.refreshNow();
        two.refreshNow();

        DeploymentLoad load = twosView.candidate().load();
        assertEquals(3, load.requestsThisMinute(), "two never served d1 but sees the fleet's requests");
        assertEquals(300, load.tokensThisMinute());
        assertEquals(0.5, two.localShare(), "two instances were seen");
    }

    @Test
    void aSharedCooldownReachesTheOtherInstanceAndNeverTheLastHealthyDeployment()
            throws Exception
    {
        long now = clock.millis();
        assertTrue(one.coolDown(onesView, List.of("d1", "d2"), now, now + 5_000, () -> {}).get(5, TimeUnit.SECONDS));

        two.refreshNow();
        assertTrue(twosView.coolingDown(clock.millis()));

        boolean[] refused = new boolean[1];
        DeploymentRuntime d2 = Deployments.of("d2", "chat", clock);
        assertFalse(two.coolDown(d2, List.of("d1", "d2"), now, now + 5_000, () -> refused[0] = true).get(5, TimeUnit.SECONDS));
        assertTrue(refused[0], "d2 is the group's last healthy deployment");
    }

    @Test
    void whenTheStoreIsDownRequestsFallBackToALocalShareAndTheBreakerOpens()
    {
        store.down();

        int granted = 0;
        for (int i = 0; i < 10; i++) {
            granted += one.reserve(onesView, 1) != null ? 1 : 0;
        }

        assertEquals(5, granted, "no instance seen yet: half of rpm 10");
        assertEquals(CircuitBreaker.State.OPEN, one.state());
        Map<String, Object> status = one.status();
        assertEquals("redis", status.get("backend"));
        assertEquals("open", status.get("state"));
        assertEquals(10L, status.get("local_decisions"));
        assertEquals(3L, status.get("store_errors"), "three failures open it; then requests no longer try the store");
    }

    @Test
    void fallingBackMidMinuteSharesOnlyWhatTheFleetHadLeft()
    {
        for (int i = 0; i < 4; i++) {
            assertNotNull(two.reserve(twosView, 1));
        }
        for (int i = 0; i < 2; i++) {
            assertNotNull(one.reserve(onesView, 1));
        }
        store.down();

        int granted = 0;
        for (int i = 0; i < 10; i++) {
            granted += one.reserve(onesView, 1) != null ? 1 : 0;
        }

        assertEquals(2, granted, "one saw the fleet at 6 of 10: half of the 4 left");
    }

    @Test
    void theBreakerProbesAfterItsIntervalAndClosesWhenTheStoreIsBack()
    {
        store.down();
        for (int i = 0; i < 3; i++) {
            one.reserve(onesView, 1);
        }
        assertEquals(CircuitBreaker.State.OPEN, one.state());

        store.up();
        one.refreshNow();
        assertEquals(CircuitBreaker.State.OPEN, one.state(), "no probe before the open interval");

        clock.advance(FleetState.OPEN_INTERVAL);
        one.refreshNow();
        assertEquals(CircuitBreaker.State.CLOSED, one.state());
        assertEquals(3L, one.status().get("transitions"));
        assertNotNull(one.reserve(onesView, 1));
        assertEquals(1L, one.status().get("shared_reservations"));
    }

    @Test
    void aConfiguredFractionWinsOverTheInstancesSeen()
    {
        FleetState configured = FleetState.sharedRefreshedByHand(store, WAIT, OptionalDouble.of(0.2), clock);
        try {
            store.down();
            int granted = 0;
            for (int i = 0; i < 10; i++) {
                granted += configured.reserve(Deployments.withRpm("d9", "chat", 10, clock), 1) != null ? 1 : 0;
            }
            assertEquals(10, granted, "each call above used a new deployment object: one request each");
            DeploymentRuntime deployment = Deployments.withRpm("d9", "chat", 10, clock);
            assertNotNull(configured.reserve(deployment, 1));
            assertNotNull(configured.reserve(deployment, 1));
            assertNull(configured.reserve(deployment, 1), "0.2 of rpm 10");
        }
        finally {
            configured.close();
        }
    }
}
