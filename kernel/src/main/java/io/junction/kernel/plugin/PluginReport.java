package io.junction.kernel.plugin;

import java.util.List;

/**
 * What the plugin host found: the plugins that started, and those that did not, each with its cause.
 *
 * @param failed one line per plugin (or jar) that failed to load, naming its id or file and the cause
 */
public record PluginReport(List<String> started, List<String> failed)
{
    public PluginReport
    {
        started = List.copyOf(started);
        failed = List.copyOf(failed);
    }
}
