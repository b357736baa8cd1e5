package io.junction.kernel.router;

import io.junction.kernel.config.ModelDeployment;
import io.junction.spi.ConfigView;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.routing.DeploymentLoad;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeploymentRuntimeTest
{
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T01:31:59.900Z"));
    private final DeploymentRuntime deployment = new DeploymentRuntime(
            new ModelDeployment("d1", "group", "openai", "gpt", ConfigView.empty("p"), Map.of(), OptionalDouble.empty(), OptionalLong.empty(),
                    OptionalLong.empty(), Optional.empty(), Optional.empty(), OptionalDouble.of(0.000001), OptionalDouble.of(0.000002)),
            request -> null, "plugin", Set.of(Endpoint.CHAT_COMPLETIONS), true, (InstantSource) now::get);

    @Test
    void reservesEstimatedTokensAndSettlesWithTheRealCount()
    {
        long minute = deployment.attemptStarted(3000);
        assertEquals(new DeploymentLoad(1, 1, 3000), deployment.candidate().load());
        deployment.attemptFinished(minute, 3000, 21);
        assertEquals(new DeploymentLoad(0, 1, 21), deployment.candidate().load());
    }

    @Test
    void anAttemptThatEndsInTheNextMinuteNeverDrivesFiguresNegative()
    {
        long minute = deployment.attemptStarted(3000);
        now.set(now.get().plus(Duration.ofMillis(200)));
        deployment.attemptFinished(minute, 3000, 21);
        assertEquals(new DeploymentLoad(0, 0, 21), deployment.candidate().load());
    }

    @Test
    void costUsesTheDeploymentPrices()
    {
        assertEquals(0.000001 * 1000 + 0.000002 * 500, deployment.cost(1000, 500), 1e-12);
        assertEquals(0, deployment.cost(-1, 500));
    }
}
