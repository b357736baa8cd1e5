package io.junction.plugins.routing.simulation;

/**
 * One request of the synthetic trace, with its random draws made in advance, so that every strategy replays exactly
 * the same traffic and the same luck (common random numbers): attempt {@code i} uses {@code noise[i]} and
 * {@code roll[i]}.
 *
 * @param noise standard normal draws, one per possible attempt, for the latency
 * @param roll uniform draws in [0, 1), one per possible attempt, for failures
 */
record SimulatedRequest(long arrivalMillis, int promptTokens, int estimatedPromptTokens, int completionTokens, boolean stream,
        double[] noise, double[] roll)
{
}
