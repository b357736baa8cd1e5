package io.junction.plugins.routing.simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic traffic: Poisson arrivals (at a higher rate during a surge), log-normal prompt and answer sizes, a share
 * of streams, and the kernel's prompt estimate off by up to 10% either way.
 */
final class TrafficTrace
{
    static final int MAX_ATTEMPTS = 3;

    private TrafficTrace() {}

    /** A stretch of the run in which requests arrive {@code factor} times as often. */
    record Surge(Duration from, Duration until, double factor) {}

    static List<SimulatedRequest> poisson(long seed, double requestsPerSecond, Duration length, double streamShare, Surge surge)
    {
        SplittableRandom random = new SplittableRandom(seed);
        List<SimulatedRequest> requests = new ArrayList<>();
        double at = 0;
        while (true) {
            boolean surging = at >= surge.from().toMillis() && at < surge.until().toMillis();
            double meanGapMillis = 1000 / (requestsPerSecond * (surging ? surge.factor() : 1));
            // the rate is piecewise constant: a gap drawn just before a boundary runs over it, which is close enough here
            at += -Math.log(1 - random.nextDouble()) * meanGapMillis;
            if (at >= length.toMillis()) {
                return requests;
            }
            int prompt = (int) clamp(logNormal(random, 600, 0.8), 20, 8_000);
            int estimate = (int) Math.round(prompt * (0.9 + 0.2 * random.nextDouble()));
            int completion = (int) clamp(logNormal(random, 250, 0.6), 5, 1_500);
            boolean stream = random.nextDouble() < streamShare;
            double[] noise = new double[MAX_ATTEMPTS];
            double[] roll = new double[MAX_ATTEMPTS];
            for (int i = 0; i < MAX_ATTEMPTS; i++) {
                noise[i] = gaussian(random);
                roll[i] = random.nextDouble();
            }
            requests.add(new SimulatedRequest((long) at, prompt, estimate, completion, stream, noise, roll));
        }
    }

    private static double logNormal(SplittableRandom random, double median, double sigma)
    {
        return median * Math.exp(sigma * gaussian(random));
    }

    /** Box-Muller, so the trace depends only on SplittableRandom's documented sequence. */
    private static double gaussian(SplittableRandom random)
    {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static double clamp(double value, double low, double high)
    {
        return Math.max(low, Math.min(high, value));
    }
}
