package io.junction.kernel.router.shared;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The state every gateway instance of a fleet shares: per-minute request and token counts of each deployment
 * (checked and reserved atomically against its rpm and tpm), its successes and failures this minute, and its
 * cooldown. Every operation is one round trip, answered asynchronously; callers decide how long to wait.
 * Minutes are UTC minutes since the epoch and times epoch milliseconds, both from the caller's clock.
 */
public interface SharedStore
        extends AutoCloseable
{
    /**
     * Reserves one request and {@code tokens} in the deployment's window of {@code minute}, only if both stay within
     * the limits.
     *
     * @param rpm the requests-per-minute limit, or -1 for none
     * @param tpm the tokens-per-minute limit, or -1 for none
     */
    CompletionStage<StoreReservation> reserve(String group, String deploymentId, long minute, long rpm, long tpm, long tokens);

    /**
     * Adds to the deployment's counts of {@code minute} (a settlement may be negative for tokens), and returns its
     * successes and failures of that minute after the change.
     */
    CompletionStage<DeploymentFigures> record(String group, String deploymentId, long minute, long requests, long tokens, long successes,
            long failures);

    /**
     * Cools the deployment down until {@code untilMillis}, unless that would leave none of {@code groupDeploymentIds}
     * out of cooldown: the last healthy deployment of a group is never cooled down.
     *
     * @return whether the cooldown was set
     */
    CompletionStage<Boolean> coolDown(String group, String deploymentId, List<String> groupDeploymentIds, long nowMillis, long untilMillis);

    /** The figures of the group's deployments for {@code minute}, with their cooldown ends (0 when not cooling). */
    CompletionStage<Map<String, DeploymentFigures>> snapshot(String group, long minute, long nowMillis);

    /**
     * Tells the store this instance is alive.
     *
     * @return how many instances were alive within {@code staleAfterMillis}, this one included
     */
    CompletionStage<Long> heartbeat(String instanceId, long nowMillis, long staleAfterMillis);

    /** Where the store is, for logs and health (never a password). */
    String location();

    @Override
    void close();
}
