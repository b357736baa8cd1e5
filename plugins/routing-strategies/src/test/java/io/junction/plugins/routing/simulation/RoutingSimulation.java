package io.junction.plugins.routing.simulation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints the full comparison table (the one in docs/routing-strategies.md), or writes it to the file given as the
 * first argument. Run from the module directory after a test build, e.g. with the test classpath in an IDE.
 */
public final class RoutingSimulation
{
    private RoutingSimulation() {}

    public static void main(String[] args)
            throws IOException
    {
        Scenario scenario = Scenario.full();
        List<StrategyResult> results = scenario.runAll();
        String table = SimulationReport.markdown(scenario, results);
        if (args.length > 0) {
            Path target = Path.of(args[0]);
            Files.writeString(target, table);
            System.out.println("wrote " + target.toAbsolutePath());
        }
        else {
            System.out.print(table);
        }
    }
}
