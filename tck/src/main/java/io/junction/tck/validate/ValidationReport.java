package io.junction.tck.validate;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the validator found in a plugin jar (or a folder of them).
 *
 * @param loaded the plugins the plugin host started ({@code id@version})
 * @param loadFailures one line per jar or plugin the host could not load, with its cause
 */
public record ValidationReport(Path plugin, List<String> loaded, List<String> loadFailures, List<ExtensionReport> extensions)
{
    public static final int PASSED = 0;
    public static final int RULE_FAILED = 1;
    public static final int NOT_LOADED = 2;

    public ValidationReport
    {
        Objects.requireNonNull(plugin, "plugin is null");
        loaded = List.copyOf(loaded);
        loadFailures = List.copyOf(loadFailures);
        extensions = List.copyOf(extensions);
    }

    /** 0 when every rule that applies passed; 1 when a rule failed; 2 when a plugin did not load or provides nothing. */
    public int exitCode()
    {
        if (!loadFailures.isEmpty() || loaded.isEmpty() || extensions.isEmpty()) {
            return NOT_LOADED;
        }
        return extensions.stream().anyMatch(ExtensionReport::failed) ? RULE_FAILED : PASSED;
    }

    public long count(RuleResult.Status status)
    {
        return extensions.stream().mapToLong(extension -> extension.count(status)).sum();
    }
}
