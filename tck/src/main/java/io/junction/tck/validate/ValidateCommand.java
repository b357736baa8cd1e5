package io.junction.tck.validate;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code junction-tck validate <plugin.jar|plugin-dir>}: loads a plugin as the gateway would and runs the kits on it. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {
                "Loads a plugin jar with the gateway's own plugin host and runs the TCK's contract kits on every extension it provides.",
                "Routing strategies, caches and callbacks run every rule, with default settings; providers run the transport and "
                        + "configuration rules (their native format is checked by the plugin's own test extending ProviderAdapterContract)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every rule that applies passed",
                "1:a rule failed",
                "2:the plugin did not load, or provides no extension; or bad arguments"})
public final class ValidateCommand
        implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<plugin.jar|plugin-dir>", description = "A plugin jar, or a folder of plugin jars like the gateway's plugins/.")
    private Path plugin;

    @Option(names = "--capability", paramLabel = "[EXTENSION:]CAPABILITY",
            description = "A capability the plugin's extensions claim, whose rules then run (repeatable): FAIR, RESPECTS_HEADROOM, "
                    + "LEARNS_FROM_OUTCOMES, BATCHES... Prefix an extension name to aim at one: my-strategy:FAIR.")
    private List<String> capabilities = new ArrayList<>();

    @Option(names = {"-P", "--provider-param"}, paramLabel = "KEY=VALUE",
            description = "An extra litellm_params entry for providers (repeatable). {base} stands for the fake upstream's URL and {api_key} "
                    + "for the test key, e.g. -P api_base={base}/v1 -P api_version=2024-10-21.")
    private Map<String, String> providerParams = new LinkedHashMap<>();

    @Override
    public Integer call()
    {
        List<CapabilityClaim> claims = new ArrayList<>();
        for (String capability : capabilities) {
            try {
                claims.add(CapabilityClaim.parse(capability));
            }
            catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        ValidationReport report = new PluginValidator(claims, providerParams).validate(plugin);
        PrintWriter out = spec.commandLine().getOut();
        ReportPrinter.print(report, out);
        return report.exitCode();
    }
}
