package io.junction.tck.bench;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchCommandTest
{
    @Test
    void listsEveryScenario()
    {
        Run run = run("--list");
        assertEquals(0, run.exit());
        for (String name : new String[] {"overhead", "max-throughput", "rate-limited-deployments", "multi-instance-rpm", "concurrency-1500",
                "callbacks-no-impact", "streaming", "cache-hit"}) {
            assertTrue(run.out().contains(name + ": "), name + " in " + run.out());
        }
    }

    @Test
    void printsTheConfigsAScenarioRunsWith()
    {
        Run run = run("callbacks-no-impact", "rate-limited-deployments", "--print-config", "--upstream-port", "19555", "--duration-factor", "0.5");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("api_base: http://127.0.0.1:19555/v1"), run.out());
        assertTrue(run.out().contains("callbacks: [\"prometheus\"]"), run.out());
        // quotas are scaled with the duration factor, as the run uses them
        assertTrue(run.out().contains("rpm: 300") && run.out().contains("rpm: 150"), run.out());
        assertTrue(run.out().contains("master_key: sk-1234"));
    }

    @Test
    void refusesUnclearOrBadOptions()
    {
        assertEquals(2, run("overhead", "--target", "http://127.0.0.1:1", "--in-process", "--plugins", "/tmp").exit());
        assertEquals(2, run("overhead", "--in-process").exit());
        assertEquals(2, run("no-such-scenario", "--target", "http://127.0.0.1:1").exit());
        Run badKey = run("overhead", "--target", "http://127.0.0.1:1", "--master-key", "sk 1234");
        assertEquals(2, badKey.exit());
        assertTrue(badKey.err().contains("--master-key"), badKey.err());
        assertEquals(2, run("overhead", "--target", "http://127.0.0.1:1", "--duration-factor", "0").exit());
    }

    private static Run run(String... args)
    {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new BenchCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private record Run(int exit, String out, String err) {}
}
