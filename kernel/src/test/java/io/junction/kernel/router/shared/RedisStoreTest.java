package io.junction.kernel.router.shared;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Lua scripts against the real Redis on 127.0.0.1:6379, each test under its own key prefix. */
class RedisStoreTest
{
    private static final long MINUTE = 29_000_000;
    private static final long NOW = MINUTE * 60_000 + 10_000;

    private final String prefix = "junction-test-" + UUID.randomUUID();
    private RedisStore store;
    private RedisClient inspector;
    private StatefulRedisConnection<String, String> inspection;

    @BeforeEach
    void connect()
            throws Exception
    {
        store = RedisStore.create("127.0.0.1", 6379, prefix);
        inspector = RedisClient.create("redis://127.0.0.1:6379");
        inspection = inspector.connect();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!store.connected() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(store.connected(), "the store connects to the shared test Redis");
    }

    @AfterEach
    void close()
    {
        RedisCommands<String, String> redis = inspection.sync();
        List<String> keys = redis.keys(prefix + ":*");
        if (!keys.isEmpty()) {
            redis.del(keys.toArray(String[]::new));
        }
        inspection.close();
        inspector.shutdown();
        store.close();
    }

    @Test
    void reservesOnlyWithinRpmAndTpm()
            throws Exception
    {
        for (int i = 1; i <= 3; i++) {
            StoreReservation granted = get(store.reserve("chat", "a", MINUTE, 3, -1, 10));
            assertEquals(new StoreReservation(true, i, 10L * i), granted);
        }
        assertEquals(new StoreReservation(false, 3, 30), get(store.reserve("chat", "a", MINUTE, 3, -1, 10)));
        assertTrue(get(store.reserve("chat", "a", MINUTE + 1, 3, -1, 10)).granted(), "a new minute, a new window");

        assertTrue(get(store.reserve("chat", "b", MINUTE, -1, 250, 100)).granted());
        assertTrue(get(store.reserve("chat", "b", MINUTE, -1, 250, 100)).granted());
        assertEquals(new StoreReservation(false, 2, 200), get(store.reserve("chat", "b", MINUTE, -1, 250, 100)), "the prompt would pass tpm");
    }

    @Test
    void concurrentReservationsNeverExceedTheLimit()
            throws Exception
    {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                answers.add(threads.submit(() -> get(store.reserve("chat", "a", MINUTE, 37, -1, 1)).granted()));
            }
            int granted = 0;
            for (Future<Boolean> answer : answers) {
                granted += answer.get() ? 1 : 0;
            }
            assertEquals(37, granted);
        }
        finally {
            threads.shutdownNow();
        }
    }

    @Test
    void recordSettlesTokensAndCountsHealth()
            throws Exception
    {
        get(store.reserve("chat", "a", MINUTE, 10, 1000, 300));

        DeploymentFigures afterSuccess = get(store.record("chat", "a", MINUTE, 0, -280, 1, 0));
        DeploymentFigures afterFailure = get(store.record("chat", "a", MINUTE, 1, 40, 0, 1));

        assertEquals(new DeploymentFigures(1, 20, 1, 0, 0), afterSuccess);
        assertEquals(new DeploymentFigures(2, 60, 1, 1, 0), afterFailure);
        Map<String, DeploymentFigures> snapshot = get(store.snapshot("chat", MINUTE, NOW));
        assertEquals(new DeploymentFigures(2, 60, 1, 1, 0), snapshot.get("a"));
    }

    @Test
    void windowsCarryTheGroupInAHashTagAndExpire()
            throws Exception
    {
        get(store.reserve("gpt-4o", "a", MINUTE, 10, -1, 1));
        get(store.reserve("we{ird}", "b", MINUTE, 10, -1, 1));

        RedisCommands<String, String> redis = inspection.sync();
        String window = prefix + ":{gpt-4o}:w:" + MINUTE;
        assertEquals("1", redis.hget(window, "r:a"));
        long ttl = redis.ttl(window);
        assertTrue(ttl > 60 && ttl <= RedisKeys.WINDOW_TTL_SECONDS, "ttl " + ttl);
        assertEquals("1", redis.hget(prefix + ":{we%7Bird%7D}:w:" + MINUTE, "r:b"), "braces in a group name cannot break the tag");
    }

    @Test
    void aCooldownIsRefusedForTheGroupsLastHealthyDeployment()
            throws Exception
    {
        List<String> group = List.of("a", "b");

        assertTrue(get(store.coolDown("chat", "a", group, NOW, NOW + 5_000)));
        assertFalse(get(store.coolDown("chat", "b", group, NOW, NOW + 5_000)), "b is the last one not cooling down");

        Map<String, DeploymentFigures> cooling = get(store.snapshot("chat", MINUTE, NOW + 1_000));
        assertEquals(NOW + 5_000, cooling.get("a").cooldownUntil());
        assertFalse(cooling.containsKey("b"));
        long pttl = inspection.sync().pttl(prefix + ":{chat}:cooldown");
        assertTrue(pttl > 0 && pttl <= 5_000, "the hash lives as long as its longest cooldown: " + pttl);

        assertTrue(get(store.coolDown("chat", "b", group, NOW + 6_000, NOW + 11_000)), "once a's cooldown ended, b may cool down");
        Map<String, DeploymentFigures> later = get(store.snapshot("chat", MINUTE, NOW + 6_000));
        assertFalse(later.containsKey("a"), "an ended cooldown is dropped");
        assertEquals(NOW + 11_000, later.get("b").cooldownUntil());
    }

    @Test
    void heartbeatsCountTheInstancesAliveAndForgetStaleOnes()
            throws Exception
    {
        assertEquals(1L, get(store.heartbeat("one", NOW, 10_000)));
        assertEquals(2L, get(store.heartbeat("two", NOW + 1_000, 10_000)));
        assertEquals(2L, get(store.heartbeat("one", NOW + 5_000, 10_000)));
        assertEquals(1L, get(store.heartbeat("one", NOW + 12_000, 10_000)), "two has not been seen for 11 s");
    }

    private static <T> T get(CompletionStage<T> stage)
            throws Exception
    {
        CompletableFuture<T> future = stage.toCompletableFuture();
        return future.get(5, TimeUnit.SECONDS);
    }
}
