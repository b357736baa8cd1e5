package io.junction.kernel.router;

/**
 * What the router did for one request so far, for its response headers and log event: attempts made, retries
 * within a group, fallback groups tried, and the group being tried now. Used by the request's own thread only.
 */
public final class RouteTrace
{
    private int attempts;
    private int retries;
    private int fallbacks;
    private String group;

    public RouteTrace(String requestedGroup)
    {
        this.group = requestedGroup;
    }

    void attempting(String groupName)
    {
        attempts++;
        group = groupName;
    }

    void retried()
    {
        retries++;
    }

    void fellBack(String groupName)
    {
        fallbacks++;
        group = groupName;
    }

    public int attempts()
    {
        return attempts;
    }

    public int retries()
    {
        return retries;
    }

    public int fallbacks()
    {
        return fallbacks;
    }

    /** The model group of the latest attempt: the requested one, or the fallback that answered. */
    public String group()
    {
        return group;
    }
}
