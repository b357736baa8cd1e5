package io.junction.tck;

import io.junction.tck.kit.RuleIds;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs a kit class through JUnit's launcher, as a plugin's build would, and keeps how each rule ended. */
public record KitResults(Class<?> kit, Map<String, Outcome> byRule)
{
    public record Outcome(TestExecutionResult.Status status, String message) {}

    public static KitResults run(Class<?> kit)
    {
        Map<String, Outcome> byRule = new TreeMap<>(RuleIds::compare);
        TestExecutionListener listener = new TestExecutionListener()
        {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result)
            {
                if (!test.isTest()) {
                    if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                        byRule.put("container " + test.getDisplayName(), new Outcome(result.getStatus(), message(result)));
                    }
                    return;
                }
                String method = test.getSource().map(source -> ((MethodSource) source).getMethodName()).orElseThrow();
                byRule.put(RuleIds.of(method).orElse(method), new Outcome(result.getStatus(), message(result)));
            }
        };
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                .execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(kit)).build(), listener);
        return new KitResults(kit, byRule);
    }

    public Outcome of(String rule)
    {
        Outcome outcome = byRule.get(rule);
        if (outcome == null) {
            throw new AssertionError(kit.getSimpleName() + " ran no rule " + rule + "; it ran " + byRule.keySet());
        }
        return outcome;
    }

    /** The rules that ended with this status. */
    public Map<String, String> with(TestExecutionResult.Status status)
    {
        return byRule.entrySet().stream()
                .filter(entry -> entry.getValue().status() == status)
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().message(), (a, b) -> a, () -> new TreeMap<>(RuleIds::compare)));
    }

    private static String message(TestExecutionResult result)
    {
        return result.getThrowable().map(failure -> String.valueOf(failure.getMessage())).orElse("");
    }

    @Override
    public String toString()
    {
        return kit.getSimpleName() + byRule;
    }
}
