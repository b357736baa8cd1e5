package io.junction.plugins.routing.latency;

/** Which latency a request is routed on. */
enum LatencyFigure
{
    /** Streams: time to the first token, which is what a streaming client waits for. */
    FIRST_TOKEN,
    /** Whole responses, when every deployment compared reports completion tokens: seconds per completion token. */
    SECONDS_PER_TOKEN,
    /** Whole responses otherwise (embeddings, providers without usage): seconds per response. */
    WHOLE_RESPONSE
}
