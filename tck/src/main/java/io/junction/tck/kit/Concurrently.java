package io.junction.tck.kit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the same task on several platform threads released together, for the kits' short concurrency hammers.
 * Every throwable is collected (never lost on a worker thread), and a run that does not finish within the hang
 * guard is reported as hung.
 */
public final class Concurrently
{
    private Concurrently() {}

    /** One iteration of a worker: {@code thread} is the worker's index, {@code iteration} counts from 0. */
    @FunctionalInterface
    public interface Task
    {
        void run(int thread, int iteration)
                throws Exception;
    }

    /**
     * @return what the workers threw, empty when all iterations completed
     */
    public static List<Throwable> run(int threads, int iterationsPerThread, Task task)
    {
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(threads);
        List<Thread> workers = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers.add(Thread.ofPlatform().daemon().name("junction-tck-worker-" + t).start(() -> {
                try {
                    start.await();
                    for (int i = 0; i < iterationsPerThread; i++) {
                        task.run(thread, i);
                    }
                }
                catch (Throwable failure) {
                    failures.add(failure);
                }
                finally {
                    done.countDown();
                }
            }));
        }
        start.countDown();
        Duration guard = KitTimeouts.hangGuard();
        try {
            if (!done.await(guard.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.forEach(Thread::interrupt);
                failures.add(new AssertionError("the workers did not finish within " + guard.toMillis() + " ms (a deadlock or a livelock?)"));
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.forEach(Thread::interrupt);
            failures.add(e);
        }
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }
}
