package io.junction.kernel.router;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryBudgetTest
{
    private final TestClock clock = new TestClock("2026-11-22T10:00:00Z");

    @Test
    void retriesAreAShareOfFirstAttemptsOverTenSeconds()
    {
        RetryBudget budget = new RetryBudget(0.2, 0, clock);
        for (int i = 0; i < 100; i++) {
            budget.deposit();
        }

        assertEquals(20, withdrawAll(budget), "20% of 100 first attempts");

        clock.advance(Duration.ofSeconds(9));
        assertFalse(budget.tryWithdraw(), "still inside the window");
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 10; i++) {
            budget.deposit();
        }
        assertEquals(2, withdrawAll(budget), "the first 100 left the window with their withdrawals");
    }

    @Test
    void aFloorPerSecondLetsAQuietGroupRetry()
    {
        RetryBudget budget = new RetryBudget(0.2, 1, clock);

        assertEquals(10, withdrawAll(budget), "one per second over 10 s, without any first attempt");
        assertFalse(budget.tryWithdraw());
    }

    @Test
    void depositsFromManyThreadsAreAllCounted()
            throws InterruptedException
    {
        RetryBudget budget = new RetryBudget(1, 0, clock);
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 1000; i++) {
                    budget.deposit();
                }
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(4000, budget.balance(clock.millis() / 1000), 1e-9);
        assertTrue(budget.tryWithdraw());
    }

    private static int withdrawAll(RetryBudget budget)
    {
        int withdrawn = 0;
        while (budget.tryWithdraw()) {
            withdrawn++;
        }
        return withdrawn;
    }
}
