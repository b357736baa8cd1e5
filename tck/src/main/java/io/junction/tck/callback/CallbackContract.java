package io.junction.tck.callback;

import io.junction.spi.ConfigView;
import io.junction.spi.callback.Callback;
import io.junction.spi.callback.CallbackContext;
import io.junction.spi.callback.CallbackFactory;
import io.junction.spi.callback.HttpRoute;
import io.junction.spi.callback.LiveDeployment;
import io.junction.spi.callback.RequestLogEvent;
import io.junction.tck.kit.Concurrently;
import io.junction.tck.kit.ConfigRefusals;
import io.junction.tck.kit.ExtensionNames;
import io.junction.tck.kit.InvalidSetting;
import io.junction.tck.kit.KitTimeouts;
import io.junction.tck.kit.ManualClock;
import io.junction.tck.kit.RuleMessages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of a logging callback. A plugin's test extends this class and supplies its factory; to let the kit
 * check delivery (rule CB8) it also says which call ids have reached its sink:
 * <pre>{@code
 * class PrometheusContractTest extends CallbackContract
 * {
 *     protected CallbackFactory factory() { return new PrometheusCallbackFactory(); }
 * }
 * }</pre>
 * Each rule's number, requirement and what to look at when it fails are listed in the TCK's README.
 */
@ExtendWith(RuleMessages.class)
public abstract class CallbackContract
{
    public static final String SETTINGS_PATH = "litellm_settings";

    private static final String CALLER_HASH_HEX = LogEvents.CALLER_KEY_HASH.substring(LogEvents.CALLER_KEY_HASH.indexOf(':') + 1);

    private final ManualClock clock = new ManualClock();
    private final List<Callback> callbacks = new ArrayList<>();

    // --- what the plugin's test supplies

    /** The factory under test, as the plugin's entry class returns it. */
    protected abstract CallbackFactory factory();

    /** What the callback does; by default SERVES_ROUTES when a callback created from {@link #settings()} serves any. */
    protected Set<CallbackCapability> capabilities()
    {
        Set<CallbackCapability> capabilities = EnumSet.noneOf(CallbackCapability.class);
        Callback probe = factory().create(new ConfigView(SETTINGS_PATH, settings()), context());
        try {
            if (probe.routes() != null && !probe.routes().isEmpty()) {
                capabilities.add(CallbackCapability.SERVES_ROUTES);
            }
        }
        finally {
            probe.close();
        }
        return capabilities;
    }

    /** {@code litellm_settings} the callback is created with; by default just a callbacks list naming it. */
    protected Map<String, Object> settings()
    {
        return Map.of("callbacks", List.of(factory().name()));
    }

    /** Settings the factory must refuse with a ConfigException naming them (rule CB10); none by default. */
    protected List<InvalidSetting> invalidSettings()
    {
        return List.of();
    }

    /**
     * The call ids that have reached the callback's destination so far (a fake sink the test set up through
     * {@link #settings()}), or empty when the test cannot observe it: rule CB8 is then aborted.
     */
    protected Optional<Set<String>> deliveredCallIds()
    {
        return Optional.empty();
    }

    /** The gateway's own counters the kernel reports to the callback ({@code CallbackContext.gatewayCounters()}). */
    protected Map<String, Long> gatewayCounters()
    {
        return Map.of("retries", 3L, "fallbacks", 1L, "cooldowns_started", 2L, "shared_state_up", 1L, "shared_state_transitions", 0L);
    }

    /** The live deployments the kernel reports to the callback. */
    protected List<LiveDeployment> liveDeployments()
    {
        return List.of(new LiveDeployment("tck-deployment-1", LogEvents.MODEL_GROUP, 2), new LiveDeployment("tck-deployment-2", LogEvents.MODEL_GROUP, 0));
    }

    // --- fixtures a plugin's own extra tests may use

    protected final ManualClock clock()
    {
        return clock;
    }

    /** A new callback from {@link #settings()}; closed after the rule. */
    protected final Callback createCallback()
    {
        Callback callback = factory().create(new ConfigView(SETTINGS_PATH, settings()), context());
        assertTrue(callback != null, "the factory's create() returned null");
        callbacks.add(callback);
        return callback;
    }

    @AfterEach
    final void closeCallbacks()
    {
        for (Callback callback : callbacks) {
            try {
                callback.close();
            }
            catch (RuntimeException ignored) {
                // CB9 checks close(); a fixture must not fail other rules
            }
        }
    }

    // --- rules

    @Test
    void rule_CB1_factoryIsWellFormed()
    {
        CallbackFactory factory = factory();
        assertTrue(ExtensionNames.wellFormed(factory.name()), "CB1: name() must be " + ExtensionNames.requirement() + ", but was '" + factory.name() + "'");
        assertTrue(factory.secretKeys() != null, "CB1: secretKeys() must not be null");

        Callback callback = createCallback();

        assertTrue(callback.routes() != null, "CB1: routes() must answer a list (List.of() when the callback serves none), not null");
    }

    @Test
    void rule_CB2_acceptsAnEmptyBatch()
    {
        Callback callback = createCallback();

        callback.onEvents(List.of());
        callback.onEvents(new ArrayList<>());
        callback.onEvents(List.of(LogEvents.served("after-empty")));
    }

    @Test
    void rule_CB3_acceptsALargeBatch()
    {
        Callback callback = createCallback();

        callback.onEvents(LogEvents.complete("large", 10_000));
        callback.onEvents(LogEvents.complete("after-large", 3));
    }

    @Test
    void rule_CB4_acceptsEventsWithOptionalFieldsEmpty()
    {
        Callback callback = createCallback();

        for (RequestLogEvent event : LogEvents.mixed("shapes", 5)) {
            try {
                callback.onEvents(List.of(event));
            }
            catch (RuntimeException e) {
                throw new AssertionError("CB4: onEvents() failed on an event like " + describe(event) + ": " + e.getClass().getName() + ": " + e.getMessage()
                        + ". Every Optional of a RequestLogEvent may be empty, and usage may be Usage.UNKNOWN (-1)", e);
            }
        }
        callback.onEvents(LogEvents.mixed("mixed", 50));
        for (HttpRoute route : callback.routes()) {
            assertTrue(route.body().get() != null, "CB4: route " + route.path() + " answered null after events with empty fields");
        }
    }

    @Test
    void rule_CB5_routesMatchTheServesRoutesCapability()
    {
        Callback callback = createCallback();
        List<HttpRoute> routes = callback.routes();

        if (!capabilities().contains(CallbackCapability.SERVES_ROUTES)) {
            assertTrue(routes != null && routes.isEmpty(), "CB5: SERVES_ROUTES is not declared, so routes() must be empty, but was " + routes);
            return;
        }
        assertTrue(routes != null && !routes.isEmpty(), "CB5: SERVES_ROUTES is declared, so routes() must list at least one route");
        Set<String> paths = new HashSet<>();
        for (HttpRoute route : routes) {
            String path = route.path();
            assertFalse(path.equals("/v1") || path.startsWith("/v1/") || path.startsWith("/health"),
                    "CB5: route " + path + " would shadow the gateway's own endpoints (/v1/..., /health/...): choose another path");
            assertTrue(paths.add(path), "CB5: route " + path + " is listed twice");
            assertFalse(route.contentType().isBlank(), "CB5: route " + path + " must name a content type");
            Duration guard = KitTimeouts.hangGuard();
            byte[] body = assertTimeoutPreemptively(guard, () -> route.body().get(),
                    () -> "CB5: route " + path + " did not answer within " + guard.toMillis() + " ms: a route answers from what the callback holds, without remote calls");
            assertTrue(body != null, "CB5: route " + path + " must answer a body (empty bytes at least), not null");
        }
    }

    @Test
    void rule_CB6_routesAnswerWhileEventsArrive()
    {
        Assumptions.assumeTrue(capabilities().contains(CallbackCapability.SERVES_ROUTES), "CB6 does not apply: SERVES_ROUTES is not declared");
        Callback callback = createCallback();
        List<HttpRoute> routes = callback.routes();

        // one thread delivers, as the kernel's dispatcher does, and the others scrape, as HTTP clients do; each side
        // goes on until the other has done its share, so that they overlap however the threads are scheduled
        int scrapers = 3;
        int batches = 200;
        int scrapes = 500;
        AtomicInteger delivered = new AtomicInteger();
        AtomicInteger scrapersDone = new AtomicInteger();
        AtomicBoolean deliveryOver = new AtomicBoolean();
        // built beforehand, so that the deliverer spends its time inside onEvents(), where a race happens
        List<RequestLogEvent> batch = LogEvents.complete("concurrent", 20);
        List<Throwable> failures = Concurrently.run(1 + scrapers, 1, (thread, ignored) -> {
            if (thread == 0) {
                try {
                    while ((delivered.get() < batches || scrapersDone.get() < scrapers) && delivered.get() < 100 * batches) {
                        callback.onEvents(batch);
                        delivered.incrementAndGet();
                    }
                }
                finally {
                    deliveryOver.set(true);
                }
                return;
            }
            // a scraper outlives some deliveries: scrapes alone, while the deliverer waits for a core, prove nothing
            int deliveredBefore = delivered.get();
            try {
                for (int scrape = 0; scrape < scrapes || (delivered.get() < deliveredBefore + batches && !deliveryOver.get()); scrape++) {
                    for (HttpRoute route : routes) {
                        if (route.body().get() == null) {
                            throw new AssertionError("route " + route.path() + " answered null");
                        }
                    }
                }
            }
            finally {
                scrapersDone.incrementAndGet();
            }
        });

        assertTrue(failures.isEmpty(), () -> "CB6: " + failures.size() + " failures while routes were read during onEvents(); the first: "
                + failures.getFirst().getClass().getName() + ": " + failures.getFirst().getMessage()
                + ". Routes are served on HTTP threads while events arrive on the callback's own thread");
    }

    @Test
    void rule_CB7_neverShowsCallerKeysOrSecrets()
    {
        Callback callback = createCallback();
        callback.onEvents(LogEvents.complete("secrets", 50));
        Map<String, String> secrets = secretValues();

        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            assertFalse(String.valueOf(callback).contains(secret.getValue()), "CB7: the callback's toString() shows the secret setting " + secret.getKey());
        }
        if (!capabilities().contains(CallbackCapability.SERVES_ROUTES)) {
            return;
        }
        for (HttpRoute route : callback.routes()) {
            String body = new String(route.body().get(), StandardCharsets.UTF_8);
            assertFalse(body.contains(CALLER_HASH_HEX), "CB7: route " + route.path() + " shows the hash of a caller's key (RequestLogEvent.caller()): "
                    + "a route may be readable without the master key, so never label or print by caller");
            for (Map.Entry<String, String> secret : secrets.entrySet()) {
                assertFalse(body.contains(secret.getValue()), "CB7: route " + route.path() + " shows the secret setting " + secret.getKey());
            }
        }
    }

    @Test
    void rule_CB8_closeFlushesEverythingHandedOver()
    {
        Assumptions.assumeTrue(deliveredCallIds().isPresent(), "CB8 not checked: the test cannot observe the callback's destination. "
                + "Override deliveredCallIds() to report the call ids that reached your sink");
        Callback callback = createCallback();
        List<RequestLogEvent> events = LogEvents.complete("flush", 25);
        Set<String> expected = new TreeSet<>(events.stream().map(RequestLogEvent::callId).toList());

        callback.onEvents(events);
        if (!capabilities().contains(CallbackCapability.BATCHES)) {
            Set<String> missing = missing(expected);
            assertTrue(missing.isEmpty(), "CB8: BATCHES is not declared, so events must reach the destination before onEvents() returns; missing: "
                    + missing + " (declare BATCHES if the callback buffers)");
        }
        callback.close();

        Set<String> missing = missing(expected);
        assertTrue(missing.isEmpty(), "CB8: after close(), every event handed to onEvents() must have reached the destination; missing: " + missing
                + ". Flush what is buffered in close()");
    }

    @Test
    void rule_CB9_closeIsIdempotent()
    {
        Callback callback = createCallback();
        callback.onEvents(List.of(LogEvents.served("before-close")));

        callback.close();
        callback.close();
    }

    @Test
    void rule_CB10_rejectsBadSettingsWithAConfigException()
    {
        ConfigRefusals.assertEachRefused("CB10", SETTINGS_PATH, settings(), invalidSettings(), section -> factory().create(section, context()).close());
    }

    // --- helpers

    private CallbackContext context()
    {
        List<LiveDeployment> live = List.copyOf(liveDeployments());
        Map<String, Long> counters = Map.copyOf(gatewayCounters());
        return new CallbackContext(() -> live, () -> counters, clock);
    }

    private Map<String, String> secretValues()
    {
        Map<String, Object> settings = settings();
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String key : factory().secretKeys()) {
            Object value = settings.get(key);
            if (value != null && !String.valueOf(value).isBlank()) {
                secrets.put(key, String.valueOf(value));
            }
        }
        return secrets;
    }

    private Set<String> missing(Set<String> expected)
    {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(deliveredCallIds().orElseThrow());
        return missing;
    }

    private static String describe(RequestLogEvent event)
    {
        return "(callId " + event.callId() + ", deploymentId " + event.deploymentId() + ", usage " + event.usage() + ", error " + event.error() + ")";
    }
}
