package io.junction.kernel.router;

/** Successes and health failures of one deployment in the current UTC minute (this instance's or the fleet's). */
public record HealthCounts(long successes, long failures)
{
    public HealthCounts
    {
        successes = Math.max(0, successes);
        failures = Math.max(0, failures);
    }

    public long attempts()
    {
        return successes + failures;
    }
}
