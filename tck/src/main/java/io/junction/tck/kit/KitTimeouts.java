package io.junction.tck.kit;

import java.time.Duration;

/**
 * How long a kit waits for an implementation before it declares it hung. These bounds are hang guards, not
 * performance assertions: a slow CI machine can raise them with the environment variable
 * {@value #SLACK_ENVIRONMENT_VARIABLE} (milliseconds, default {@value #DEFAULT_SLACK_MILLIS}).
 */
public final class KitTimeouts
{
    public static final String SLACK_ENVIRONMENT_VARIABLE = "JUNCTION_TCK_TIMEOUT_MS";
    static final long DEFAULT_SLACK_MILLIS = 10_000;

    private KitTimeouts() {}

    /** The grace given on top of any timeout an implementation is configured with. */
    public static Duration slack()
    {
        String configured = System.getenv(SLACK_ENVIRONMENT_VARIABLE);
        if (configured == null || configured.isBlank()) {
            return Duration.ofMillis(DEFAULT_SLACK_MILLIS);
        }
        try {
            long millis = Long.parseLong(configured.trim());
            if (millis > 0) {
                return Duration.ofMillis(millis);
            }
        }
        catch (NumberFormatException ignored) {
            // fall through to the message below
        }
        throw new IllegalStateException(SLACK_ENVIRONMENT_VARIABLE + " must be a positive number of milliseconds but was '" + configured + "'");
    }

    /** The longest a single call into an implementation may take before the kit calls it hung. */
    public static Duration hangGuard()
    {
        return slack();
    }

    /** A configured timeout plus the slack: the bound for "fails within its timeouts". */
    public static Duration within(Duration configured)
    {
        return configured.plus(slack());
    }
}
