package io.junction.kernel.router;

import io.junction.kernel.router.shared.DeploymentFigures;
import io.junction.kernel.router.shared.SharedStore;
import io.junction.kernel.router.shared.StoreReservation;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A real store that a test can take down and bring back: while down, every call fails at once. */
final class SwitchableStore
        implements SharedStore
{
    private final SharedStore store;
    private volatile boolean down;

    SwitchableStore(SharedStore store)
    {
        this.store = store;
    }

    void down()
    {
        down = true;
    }

    void up()
    {
        down = false;
    }

    @Override
    public CompletionStage<StoreReservation> reserve(String group, String deploymentId, long minute, long rpm, long tpm, long tokens)
    {
        return down ? failed() : store.reserve(group, deploymentId, minute, rpm, tpm, tokens);
    }

    @Override
    public CompletionStage<DeploymentFigures> record(String group, String deploymentId, long minute, long requests, long tokens, long successes,
            long failures)
    {
        return down ? failed() : store.record(group, deploymentId, minute, requests, tokens, successes, failures);
    }

    @Override
    public CompletionStage<Boolean> coolDown(String group, String deploymentId, List<String> groupDeploymentIds, long nowMillis, long untilMillis)
    {
        return down ? failed() : store.coolDown(group, deploymentId, groupDeploymentIds, nowMillis, untilMillis);
    }

    @Override
    public CompletionStage<Map<String, DeploymentFigures>> snapshot(String group, long minute, long nowMillis)
    {
        return down ? failed() : store.snapshot(group, minute, nowMillis);
    }

    @Override
    public CompletionStage<Long> heartbeat(String instanceId, long nowMillis, long staleAfterMillis)
    {
        return down ? failed() : store.heartbeat(instanceId, nowMillis, staleAfterMillis);
    }

    @Override
    public String location()
    {
        return store.location();
    }

    @Override
    public void close()
    {
        // the test closes the real store once
    }

    private static <T> CompletionStage<T> failed()
    {
        return CompletableFuture.failedFuture(new IOException("Connection refused (the test took the store down)"));
    }
}
