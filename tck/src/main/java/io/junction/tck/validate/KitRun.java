package io.junction.tck.validate;

import io.junction.tck.kit.RuleIds;
import io.junction.tck.provider.ProviderAdapterContract;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs one kit class on one target through JUnit's launcher, and turns what happened into rule results. */
final class KitRun
{
    private static final String ASSUMPTION_FAILED = "Assumption failed: ";
    private static final Pattern BOOLEAN_VERDICT = Pattern.compile(" ==> expected: <(true|false)> but was: <(true|false)>$");

    private KitRun() {}

    static List<RuleResult> run(Class<?> kitClass, ValidationTarget target)
    {
        String id = ValidationTargets.register(target);
        try {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(kitClass))
                    .configurationParameter(ValidationTargets.PARAMETER, id)
                    .build();
            // only our listener: whatever else the classpath registers has no business in a validation
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false)
                    .build());
            Collector collector = new Collector(kitClass.getSimpleName());
            launcher.execute(request, collector);
            List<RuleResult> results = collector.results();
            if (results.isEmpty()) {
                // never report an extension as valid because nothing ran
                return List.of(new RuleResult(kitClass.getSimpleName(), "the kit ran no rule", RuleResult.Status.FAILED,
                        "JUnit found no test engine: put junit-jupiter-engine on the classpath"));
            }
            return results;
        }
        finally {
            ValidationTargets.remove(id);
        }
    }

    private static final class Collector
            implements TestExecutionListener
    {
        private final String kitName;
        private final List<RuleResult> results = new ArrayList<>();

        Collector(String kitName)
        {
            this.kitName = kitName;
        }

        @Override
        public void executionSkipped(TestIdentifier test, String reason)
        {
            if (test.isTest()) {
                results.add(result(test, RuleResult.Status.NOT_APPLICABLE, reason));
            }
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult outcome)
        {
            String message = outcome.getThrowable().map(KitRun::message).orElse("");
            if (!test.isTest()) {
                // a kit class that cannot start (its constructor, a fixture) fails every rule at once
                if (outcome.getStatus() == TestExecutionResult.Status.FAILED && test.getSource().isPresent()) {
                    results.add(new RuleResult(kitName, "the kit could not run", RuleResult.Status.FAILED, message));
                }
                return;
            }
            RuleResult.Status status = switch (outcome.getStatus()) {
                case SUCCESSFUL -> RuleResult.Status.PASSED;
                case FAILED -> RuleResult.Status.FAILED;
                case ABORTED -> message.contains(ProviderAdapterContract.NEEDS_OWN_TEST) ? RuleResult.Status.NEEDS_OWN_TEST : RuleResult.Status.NOT_APPLICABLE;
            };
            results.add(result(test, status, message));
        }

        List<RuleResult> results()
        {
            List<RuleResult> sorted = new ArrayList<>(results);
            sorted.sort(Comparator.comparing(RuleResult::rule, RuleIds::compare));
            return sorted;
        }

        private static RuleResult result(TestIdentifier test, RuleResult.Status status, String message)
        {
            String method = test.getSource().filter(MethodSource.class::isInstance).map(source -> ((MethodSource) source).getMethodName())
                    .orElse(test.getDisplayName());
            String rule = RuleIds.of(method).orElse(method);
            return new RuleResult(rule, RuleIds.description(method), status, withoutRulePrefix(rule, message));
        }

        private static String withoutRulePrefix(String rule, String message)
        {
            if (message.startsWith(rule + ": ")) {
                return message.substring(rule.length() + 2);
            }
            return message.startsWith(rule + " ") ? message.substring(rule.length() + 1) : message;
        }
    }

    private static String message(Throwable failure)
    {
        String message = failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
        // JUnit's words for an aborted rule, or for a false condition, add nothing to the kit's own
        message = BOOLEAN_VERDICT.matcher(message).replaceFirst("");
        return message.startsWith(ASSUMPTION_FAILED) ? message.substring(ASSUMPTION_FAILED.length()) : message;
    }
}
