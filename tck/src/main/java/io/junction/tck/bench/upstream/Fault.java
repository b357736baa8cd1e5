package io.junction.tck.bench.upstream;

import java.util.random.RandomGenerator;

/** The failure injected into one request, if any. */
enum Fault
{
    NONE,
    SERVER_ERROR,
    STALL,
    CUT;

    static Fault pick(FakeUpstreamSettings.Faults faults, RandomGenerator random)
    {
        if (!faults.any()) {
            return NONE;
        }
        double draw = random.nextDouble();
        if (draw < faults.serverError()) {
            return SERVER_ERROR;
        }
        if (draw < faults.serverError() + faults.stall()) {
            return STALL;
        }
        if (draw < faults.serverError() + faults.stall() + faults.cut()) {
            return CUT;
        }
        return NONE;
    }
}
