package io.junction.tck.bench.scenario;

import io.junction.tck.bench.stats.AddedLatency;

/**
 * A proxy's phase against the direct phase at the same load.
 *
 * @param added latency added per percentile
 * @param addedTimeToFirstByte for streams: time to the first event added, else null
 * @param addedChunkGap for streams: gap between events added, else null
 */
public record Comparison(String proxied, String direct, AddedLatency added, AddedLatency addedTimeToFirstByte, AddedLatency addedChunkGap)
{
}
