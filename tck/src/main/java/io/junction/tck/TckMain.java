package io.junction.tck;

import io.junction.kernel.Version;
import io.junction.tck.bench.BenchCommand;
import io.junction.tck.validate.ValidateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code junction-tck}: the TCK's command line. Each tool is a subcommand: {@code validate} a plugin jar, {@code bench}
 * the gateway against a baseline.
 */
@Command(name = "junction-tck",
        mixinStandardHelpOptions = true,
        versionProvider = TckMain.VersionProvider.class,
        description = "Junction's technology compatibility kit: checks plugins against the contracts the gateway relies on.",
        subcommands = {ValidateCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class TckMain
        implements Runnable
{
    @Spec
    private CommandSpec spec;

    public static void main(String[] args)
    {
        System.exit(commandLine().execute(args));
    }

    /** The command line with every subcommand, for tests and for launchers that embed it. */
    public static CommandLine commandLine()
    {
        return new CommandLine(new TckMain());
    }

    @Override
    public void run()
    {
        throw new ParameterException(spec.commandLine(), "Name a subcommand: " + String.join(", ", spec.subcommands().keySet()));
    }

    static final class VersionProvider
            implements CommandLine.IVersionProvider
    {
        @Override
        public String[] getVersion()
        {
            return new String[] {"junction-tck " + Version.current()};
        }
    }
}
