package io.junction.plugins.callbacks.prometheus;

import io.junction.spi.ConfigView;
import io.junction.spi.ErrorKind;
import io.junction.spi.callback.CallbackContext;
import io.junction.spi.callback.HttpRoute;
import io.junction.spi.callback.LiveDeployment;
import io.junction.spi.provider.Usage;
import io.junction.tck.kit.ManualClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static io.junction.plugins.callbacks.prometheus.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrometheusCallbackTest
{
    private static final Map<String, String> DEP_1 = Map.of("model_group", "gpt-4o", "deployment", "dep-1");
    private static final Map<String, String> DEP_2 = Map.of("model_group", "gpt-4o", "deployment", "dep-2");
    private static final double NANOS = 1e-9;

    private final ManualClock clock = new ManualClock();
    private final AtomicReference<List<LiveDeployment>> live = new AtomicReference<>(List.of(
            new LiveDeployment("dep-1", "gpt-4o", 0),
            new LiveDeployment("dep-2", "gpt-4o", 0),
            new LiveDeployment("dep-haiku", "claude-haiku", 0)));
    private final PrometheusCallback callback = (PrometheusCallback) new PrometheusCallbackFactory()
            .create(ConfigView.empty("litellm_settings"), new CallbackContext(live::get, clock));

    @Test
    void servesMetricsWithoutTheMasterKey()
    {
        HttpRoute route = callback.routes().getFirst();

        assertEquals(1, callback.routes().size());
        assertEquals("/metrics", route.path());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", route.contentType());
        assertFalse(route.requiresAuth());
        callback.onEvents(List.of(event().build()));
        assertEquals(1, Scrape.parse(route.body().get()).value("junction_requests_total", withLabel(DEP_1, "status", "200")));
    }

    @Test
    void countsRequestsByStatusAndErrorsByKind()
    {
        callback.onEvents(List.of(
                event().build(),
                event().build(),
                event().deployment("dep-2").build(),
                event().failed(ErrorKind.RATE_LIMITED, "Rate limit reached").build(),
                event().failed(ErrorKind.TIMEOUT, "upstream timed out").build(),
                event().failed(ErrorKind.RATE_LIMITED, "Rate limit reached").build()));

        Scrape scrape = scrape();

        assertEquals(2, scrape.value("junction_requests_total", withLabel(DEP_1, "status", "200")));
        assertEquals(1, scrape.value("junction_requests_total", withLabel(DEP_2, "status", "200")));
        assertEquals(2, scrape.value("junction_requests_total", withLabel(DEP_1, "status", "429")));
        assertEquals(1, scrape.value("junction_requests_total", withLabel(DEP_1, "status", "408")));
        assertEquals(2, scrape.value("junction_request_errors_total", withLabel(DEP_1, "error", "rate_limited")));
        assertEquals(1, scrape.value("junction_request_errors_total", withLabel(DEP_1, "error", "timeout")));
        assertEquals(3, scrape.named("junction_request_errors_total").stream().mapToDouble(Scrape.Sample::value).sum(),
                "successes are not errors");
        assertEquals(6, scrape.named("junction_requests_total").stream().mapToDouble(Scrape.Sample::value).sum());
    }

    @Test
    void requestWithoutDeploymentIsLabelledNone()
    {
        callback.onEvents(List.of(event().noDeployment().failed(ErrorKind.UNAVAILABLE, "No deployments available").build()));

        Scrape scrape = scrape();

        Map<String, String> labels = Map.of("model_group", "gpt-4o", "deployment", "none");
        assertEquals(1, scrape.value("junction_requests_total", withLabel(labels, "status", "503")));
        assertEquals(1, scrape.value("junction_request_errors_total", withLabel(labels, "error", "unavailable")));
    }

    @Test
    void durationsFallInSubMillisecondBuckets()
    {
        callback.onEvents(List.of(
                event().overhead(Duration.ofNanos(50_000)).duration(Duration.ofMillis(3)).build(),
                event().overhead(Duration.ofNanos(150_000)).duration(Duration.ofMillis(20)).build(),
                event().overhead(Duration.ofNanos(400_000)).duration(Duration.ofMillis(20)).build(),
                event().overhead(Duration.ofNanos(2_000_000)).duration(Duration.ofSeconds(2)).build()));

        Scrape scrape = scrape();

        assertEquals(1, scrape.bucket("junction_overhead_seconds", DEP_1, 0.0001));
        assertEquals(2, scrape.bucket("junction_overhead_seconds", DEP_1, 0.00025));
        assertEquals(3, scrape.bucket("junction_overhead_seconds", DEP_1, 0.0005));
        assertEquals(3, scrape.bucket("junction_overhead_seconds", DEP_1, 0.001));
        assertEquals(4, scrape.bucket("junction_overhead_seconds", DEP_1, 0.0025));
        assertEquals(4, scrape.bucket("junction_overhead_seconds", DEP_1, Double.POSITIVE_INFINITY));
        assertEquals(4, scrape.value("junction_overhead_seconds_count", DEP_1));
        assertEquals(2_600_000 * NANOS, scrape.value("junction_overhead_seconds_sum", DEP_1), 1e-12);

        assertEquals(1, scrape.bucket("junction_request_duration_seconds", DEP_1, 0.005));
        assertEquals(3, scrape.bucket("junction_request_duration_seconds", DEP_1, 0.025));
        assertEquals(3, scrape.bucket("junction_request_duration_seconds", DEP_1, 1));
        assertEquals(4, scrape.bucket("junction_request_duration_seconds", DEP_1, 2.5));
        assertEquals(4, scrape.value("junction_request_duration_seconds_count", DEP_1));
        assertEquals(2.043, scrape.value("junction_request_duration_seconds_sum", DEP_1), 1e-9);
    }

    @Test
    void timeToFirstTokenIsRecordedForStreamsOnly()
    {
        callback.onEvents(List.of(
                event().streamed(Duration.ofMillis(300)).build(),
                event().streamed(Duration.ofMillis(40)).build(),
                event().deployment("dep-2").build()));

        Scrape scrape = scrape();

        assertEquals(2, scrape.value("junction_time_to_first_token_seconds_count", DEP_1));
        assertEquals(0.34, scrape.value("junction_time_to_first_token_seconds_sum", DEP_1), 1e-9);
        assertEquals(1, scrape.bucket("junction_time_to_first_token_seconds", DEP_1, 0.05));
        assertEquals(2, scrape.bucket("junction_time_to_first_token_seconds", DEP_1, 0.5));
        assertEquals(Optional.empty(), scrape.find("junction_time_to_first_token_seconds_count", DEP_2), "a non-streamed request has no ttft");
    }

    @Test
    void countsTokensOnlyWhenUsageIsKnown()
    {
        callback.onEvents(List.of(
                event().usage(Usage.of(100, 20)).build(),
                event().usage(Usage.of(7, 3)).build(),
                event().deployment("dep-2").usage(Usage.UNKNOWN).build()));

        Scrape scrape = scrape();

        assertEquals(107, scrape.value("junction_tokens_total", withLabel(DEP_1, "type", "prompt")));
        assertEquals(23, scrape.value("junction_tokens_total", withLabel(DEP_1, "type", "completion")));
        assertEquals(Optional.empty(), scrape.find("junction_tokens_total", withLabel(DEP_2, "type", "prompt")));
        assertEquals(1, scrape.value("junction_requests_total", withLabel(DEP_2, "status", "200")));
    }

    @Test
    void countsCacheHitsWithoutCountingTheirTokensAgain()
    {
        callback.onEvents(List.of(
                event().usage(Usage.of(50, 10)).build(),
                event().cacheHit().usage(Usage.of(50, 10)).duration(Duration.ofNanos(300_000)).build(),
                event().cacheHit().usage(Usage.of(50, 10)).duration(Duration.ofNanos(300_000)).build()));

        Scrape scrape = scrape();

        Map<String, String> fromCache = Map.of("model_group", "gpt-4o", "deployment", "none");
        assertEquals(2, scrape.value("junction_cache_hits_total", fromCache));
        assertEquals(2, scrape.value("junction_requests_total", withLabel(fromCache, "status", "200")));
        assertEquals(2, scrape.value("junction_request_duration_seconds_count", fromCache));
        assertEquals(50, scrape.value("junction_tokens_total", withLabel(DEP_1, "type", "prompt")));
        assertEquals(Optional.empty(), scrape.find("junction_tokens_total", withLabel(fromCache, "type", "prompt")));
        assertEquals(Optional.empty(), scrape.find("junction_cache_hits_total", DEP_1));
    }

    @Test
    void inFlightGaugeFollowsTheLiveDeployments()
    {
        live.set(List.of(new LiveDeployment("dep-1", "gpt-4o", 3), new LiveDeployment("dep-2", "gpt-4o", 0)));
        Scrape first = scrape();
        assertEquals(3, first.value("junction_in_flight_requests", DEP_1));
        assertEquals(0, first.value("junction_in_flight_requests", DEP_2));

        live.set(List.of(new LiveDeployment("dep-1", "gpt-4o", 7), new LiveDeployment("dep-3", "gpt-4o-mini", 1)));
        Scrape second = scrape();
        assertEquals(7, second.value("junction_in_flight_requests", DEP_1));
        assertEquals(1, second.value("junction_in_flight_requests", Map.of("model_group", "gpt-4o-mini", "deployment", "dep-3")));
        assertEquals(Optional.empty(), second.find("junction_in_flight_requests", DEP_2), "a removed deployment's row goes away");
    }

    @Test
    void modelNamesTheGatewayDoesNotServeAreNeverLabels()
    {
        callback.onEvents(List.of(event().modelGroup("sk-proj-Zx81cFakeKeyPastedAsModel").noDeployment()
                .failed(ErrorKind.NOT_FOUND, "model sk-proj-Zx81cFakeKeyPastedAsModel not found").build()));

        Scrape scrape = scrape();

        Map<String, String> unknown = Map.of("model_group", "unknown", "deployment", "none");
        assertEquals(1, scrape.value("junction_requests_total", withLabel(unknown, "status", "404")));
        assertEquals(1, scrape.value("junction_request_errors_total", withLabel(unknown, "error", "not_found")));
        assertFalse(scrape.text().contains("sk-proj"), scrape.text());
    }

    @Test
    void wildcardRequestIsLabelledWithItsDeploymentsGroup()
    {
        live.set(List.of(new LiveDeployment("dep-wild", "openai/*", 0)));
        scrape();
        callback.onEvents(List.of(event().modelGroup("openai/gpt-4o-mini").deployment("dep-wild").build()));

        Scrape scrape = scrape();

        assertEquals(1, scrape.value("junction_requests_total", Map.of("model_group", "openai/*", "deployment", "dep-wild", "status", "200")));
        assertFalse(scrape.text().contains("gpt-4o-mini"), scrape.text());
    }

    @Test
    void callerEndUserAndMessagesNeverBecomeLabels()
    {
        String secret = "sk-live-0123456789abcdef";
        callback.onEvents(List.of(
                event().caller(secret).endUser("user-" + secret).build(),
                event().caller(secret).failed(ErrorKind.AUTHENTICATION, "Incorrect API key provided: " + secret).build()));

        Scrape scrape = scrape();

        assertFalse(scrape.text().contains("sk-live"), scrape.text());
        Set<String> labelNames = scrape.samples().stream().flatMap(sample -> sample.labels().keySet().stream()).collect(Collectors.toSet());
        assertTrue(Set.of("model_group", "deployment", "status", "error", "type", "le").containsAll(labelNames), "unexpected labels " + labelNames);
        Set<String> values = new HashSet<>();
        scrape.samples().forEach(sample -> values.addAll(sample.labels().values()));
        assertFalse(values.stream().anyMatch(value -> value.contains("user-") || value.contains("Incorrect")), "label values " + values);
    }

    @Test
    void modelGroupAddedToTheConfigurationIsLabelledOnceReadAgain()
    {
        PrometheusCallback timed = new PrometheusCallback(new CallbackContext(live::get, clock));
        Map<String, String> served = Map.of("model_group", "gpt-5", "deployment", "dep-5", "status", "200");
        Map<String, String> notYetKnown = Map.of("model_group", "unknown", "deployment", "dep-5", "status", "200");
        timed.onEvents(List.of(event().modelGroup("gpt-5").noDeployment().failed(ErrorKind.NOT_FOUND, "no such model").build()));

        live.set(List.of(new LiveDeployment("dep-5", "gpt-5", 0)));
        timed.onEvents(List.of(event().modelGroup("gpt-5").deployment("dep-5").build()));
        clock.advance(ModelGroupLabels.REFRESH_ON_MISS_INTERVAL);
        timed.onEvents(List.of(event().modelGroup("gpt-5").deployment("dep-5").build()));

        Scrape scrape = Scrape.parse(timed.scrape());
        assertEquals(1, scrape.value("junction_requests_total", notYetKnown), "not re-read on every unknown name, only once a second");
        assertEquals(1, scrape.value("junction_requests_total", served));
    }

    @Test
    void scrapeReadsTheConfiguredModelGroupsAgain()
    {
        live.set(List.of(new LiveDeployment("dep-5", "gpt-5", 0)));
        scrape();
        callback.onEvents(List.of(event().modelGroup("gpt-5").noDeployment().failed(ErrorKind.RATE_LIMITED, "no capacity").build()));

        assertEquals(1, scrape().value("junction_requests_total", Map.of("model_group", "gpt-5", "deployment", "none", "status", "429")));
    }

    @Test
    void publishesTheGatewaysRouterAndSharedStateCounters()
    {
        Map<String, Long> counters = new java.util.LinkedHashMap<>(Map.of("retries", 0L, "fallbacks", 0L, "shared_state_up", 1L, "shared_state_transitions", 0L));
        AtomicReference<Map<String, Long>> kernel = new AtomicReference<>(Map.copyOf(counters));
        PrometheusCallback withCounters = new PrometheusCallback(new CallbackContext(live::get, kernel::get, clock));

        counters.putAll(Map.of("retries", 7L, "fallbacks", 2L, "shared_state_up", 0L, "shared_state_transitions", 1L));
        kernel.set(Map.copyOf(counters));
        Scrape scrape = Scrape.parse(withCounters.scrape());

        assertEquals(7, scrape.value("junction_router_retries_total", Map.of()));
        assertEquals(2, scrape.value("junction_router_fallbacks_total", Map.of()));
        assertEquals(0, scrape.value("junction_shared_state_up", Map.of()), "the breaker opened: Redis is down");
        assertEquals(1, scrape.value("junction_shared_state_transitions_total", Map.of()));
    }

    @Test
    void scrapeOutputIsUtf8Text()
    {
        callback.onEvents(List.of(event().build()));

        String text = new String(callback.routes().getFirst().body().get(), StandardCharsets.UTF_8);

        assertTrue(text.contains("# TYPE junction_requests_total counter"), text);
    }

    private Scrape scrape()
    {
        return Scrape.parse(callback.scrape());
    }

    private static Map<String, String> withLabel(Map<String, String> labels, String name, String value)
    {
        Map<String, String> copy = new java.util.HashMap<>(labels);
        copy.put(name, value);
        return Map.copyOf(copy);
    }
}
