package io.junction.tck.bench.scenario;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The rate ladder's verdict for one proxy: for a latency threshold, the highest rate it sustained while adding no
 * more than that at p99. A rung counts only if the proxy sustained it (enough of the requested rate achieved, few
 * errors); a rung above a failed one never counts.
 */
public final class ThroughputFrontier
{
    private ThroughputFrontier() {}

    /** One step of the ladder, as the proxy did on it. */
    public record Rung(double rate, boolean sustained, double addedP99Ms) {}

    public static OptionalDouble at(List<Rung> ladder, double thresholdMs)
    {
        OptionalDouble best = OptionalDouble.empty();
        for (Rung rung : ladder) {
            if (!rung.sustained()) {
                break;
            }
            if (rung.addedP99Ms() <= thresholdMs) {
                best = OptionalDouble.of(rung.rate());
            }
        }
        return best;
    }

    /** Whether a phase kept up: at least {@code minRatio} of the requested rate achieved, errors at most {@code maxErrorRatio}. */
    public static boolean sustained(PhaseResult phase, double minRatio, double maxErrorRatio)
    {
        return phase.achievedRate() >= minRatio * phase.requestedRate() && phase.errorRatio() <= maxErrorRatio;
    }
}
