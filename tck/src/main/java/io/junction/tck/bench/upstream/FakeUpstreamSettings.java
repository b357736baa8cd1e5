package io.junction.tck.bench.upstream;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the fake upstream answers.
 *
 * @param latency wait before the response headers
 * @param streamChunks content chunks of a streamed answer (between the role chunk and the finish chunk)
 * @param chunkGap wait between two events of a streamed answer
 * @param contentChars length of the assistant's answer; 0 for the short default sentence
 * @param rpmQuotas requests per UTC minute accepted per deployment key; others get 429 with {@code Retry-After}.
 *        A deployment without an entry is unlimited.
 * @param faults injected failures
 */
public record FakeUpstreamSettings(Duration latency, int streamChunks, Duration chunkGap, int contentChars, Map<String, Integer> rpmQuotas, Faults faults)
{
    public static final FakeUpstreamSettings DEFAULT = new FakeUpstreamSettings(Duration.ZERO, 8, Duration.ZERO, 0, Map.of(), Faults.NONE);

    public FakeUpstreamSettings
    {
        requireNotNegative(latency, "latency");
        if (streamChunks < 1) {
            throw new IllegalArgumentException("a stream needs at least one content chunk but streamChunks was " + streamChunks);
        }
        requireNotNegative(chunkGap, "chunkGap");
        if (contentChars < 0) {
            throw new IllegalArgumentException("contentChars must not be negative but was " + contentChars);
        }
        rpmQuotas = Map.copyOf(rpmQuotas);
        rpmQuotas.forEach((deployment, limit) -> {
            if (limit < 0) {
                throw new IllegalArgumentException("rpm quota of deployment '" + deployment + "' must not be negative but was " + limit);
            }
        });
        Objects.requireNonNull(faults, "faults is null");
    }

    public FakeUpstreamSettings withLatency(Duration newLatency)
    {
        return new FakeUpstreamSettings(newLatency, streamChunks, chunkGap, contentChars, rpmQuotas, faults);
    }

    public FakeUpstreamSettings withStream(int chunks, Duration gap)
    {
        return new FakeUpstreamSettings(latency, chunks, gap, contentChars, rpmQuotas, faults);
    }

    public FakeUpstreamSettings withContentChars(int chars)
    {
        return new FakeUpstreamSettings(latency, streamChunks, chunkGap, chars, rpmQuotas, faults);
    }

    public FakeUpstreamSettings withRpmQuotas(Map<String, Integer> quotas)
    {
        return new FakeUpstreamSettings(latency, streamChunks, chunkGap, contentChars, quotas, faults);
    }

    public FakeUpstreamSettings withFaults(Faults newFaults)
    {
        return new FakeUpstreamSettings(latency, streamChunks, chunkGap, contentChars, rpmQuotas, newFaults);
    }

    private static void requireNotNegative(Duration duration, String name)
    {
        Objects.requireNonNull(duration, name + " is null");
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative but was " + duration);
        }
    }

    /**
     * Probabilities, per request, of each injected failure (at most one per request; their sum must not exceed 1).
     *
     * @param serverError answer 500 with OpenAI's server error body
     * @param stall hold the request for {@code stallFor} before answering normally
     * @param cut send half of the answer, then drop the connection
     */
    public record Faults(double serverError, double stall, double cut, Duration stallFor)
    {
        public static final Faults NONE = new Faults(0, 0, 0, Duration.ofSeconds(10));

        public Faults
        {
            requireProbability(serverError, "serverError");
            requireProbability(stall, "stall");
            requireProbability(cut, "cut");
            if (serverError + stall + cut > 1 + 1e-9) {
                throw new IllegalArgumentException("fault probabilities add up to " + (serverError + stall + cut) + ", more than 1");
            }
            requireNotNegative(stallFor, "stallFor");
        }

        private static void requireProbability(double value, String name)
        {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException(name + " probability must be between 0 and 1 but was " + value);
            }
        }

        public boolean any()
        {
            return serverError + stall + cut > 0;
        }
    }
}
