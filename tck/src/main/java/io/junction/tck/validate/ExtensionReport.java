package io.junction.tck.validate;

import java.util.List;
import java.util.Objects;

/** The rules run on one extension of the plugin, in rule order. */
public record ExtensionReport(Extension extension, List<RuleResult> results)
{
    public ExtensionReport
    {
        Objects.requireNonNull(extension, "extension is null");
        results = List.copyOf(results);
    }

    public long count(RuleResult.Status status)
    {
        return results.stream().filter(result -> result.status() == status).count();
    }

    public boolean failed()
    {
        return count(RuleResult.Status.FAILED) > 0;
    }
}
