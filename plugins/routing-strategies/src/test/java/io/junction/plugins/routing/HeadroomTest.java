package io.junction.plugins.routing;

import io.junction.spi.provider.Endpoint;
import io.junction.spi.routing.Candidate;
import io.junction.spi.routing.RouteRequest;
import org.junit.jupiter.api.Test;

import static io.junction.plugins.routing.TestCandidates.deployment;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeadroomTest
{
    private static final RouteRequest PROMPT_OF_100 = new RouteRequest(TestCandidates.GROUP, Endpoint.CHAT_COMPLETIONS, false, 100);

    @Test
    void theLastRequestOfTheMinuteFitsTheRpm()
    {
        assertTrue(Headroom.allows(deployment("a").rpm(10).load(0, 9, 0).candidate(), PROMPT_OF_100));
        assertFalse(Headroom.allows(deployment("a").rpm(10).load(0, 10, 0).candidate(), PROMPT_OF_100));
    }

    @Test
    void thePromptMustFitTheTpm()
    {
        assertTrue(Headroom.allows(deployment("a").tpm(1_000).load(0, 0, 900).candidate(), PROMPT_OF_100));
        assertFalse(Headroom.allows(deployment("a").tpm(1_000).load(0, 0, 901).candidate(), PROMPT_OF_100));
    }

    @Test
    void quotasThatAreNotSetNeverStopARequest()
    {
        assertTrue(Headroom.allows(deployment("a").load(500, Long.MAX_VALUE, Long.MAX_VALUE).candidate(), PROMPT_OF_100));
    }

    @Test
    void aQuotaOfZeroStopsEveryRequest()
    {
        assertFalse(Headroom.allows(deployment("a").rpm(0).candidate(), PROMPT_OF_100));
        assertFalse(Headroom.allows(deployment("a").tpm(0).candidate(), PROMPT_OF_100));
    }

    @Test
    void hugeFiguresDoNotOverflow()
    {
        Candidate nearlyFull = deployment("a").tpm(Long.MAX_VALUE).load(0, 0, Long.MAX_VALUE - 50).candidate();

        assertFalse(Headroom.allows(nearlyFull, PROMPT_OF_100));
    }
}
