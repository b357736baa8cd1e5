package io.junction.plugins.callbacks.prometheus;

import io.junction.spi.callback.Callback;
import io.junction.spi.callback.CallbackFactory;
import io.junction.spi.callback.RequestLogEvent;
import io.junction.tck.callback.CallbackCapability;
import io.junction.tck.callback.CallbackContract;
import io.junction.tck.callback.LogEvents;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The callback kit on {@code prometheus}: it serves {@code /metrics} and records each event into its registry before
 * {@code onEvents()} returns (no BATCHES). It reads no settings of its own, so CB10 has nothing to refuse; and its
 * destination, the registry, keeps counts rather than call ids, so CB8 cannot look for them: the test below checks
 * the same promise by the counts.
 */
class PrometheusContractTest
        extends CallbackContract
{
    @Override
    protected CallbackFactory factory()
    {
        return new PrometheusCallbackFactory();
    }

    @Override
    protected Set<CallbackCapability> capabilities()
    {
        return EnumSet.of(CallbackCapability.SERVES_ROUTES);
    }

    @Test
    void everyEventIsCountedBeforeOnEventsReturns()
    {
        Callback callback = createCallback();
        List<RequestLogEvent> events = LogEvents.mixed("counted", 25);

        callback.onEvents(events);

        Scrape scrape = Scrape.parse(callback.routes().getFirst().body().get());
        double counted = scrape.named("junction_requests_total").stream().mapToDouble(Scrape.Sample::value).sum();
        assertEquals(events.size(), counted, "every event handed to onEvents() is a request on /metrics once it returns");
    }
}
