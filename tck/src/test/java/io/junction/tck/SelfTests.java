package io.junction.tck;

import org.junit.platform.engine.TestExecutionResult;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The assertions of the kits' tests of themselves. */
public final class SelfTests
{
    private SelfTests() {}

    /** The kit, run on a deliberately broken implementation, fails that rule alone, with a message starting with its number. */
    public static void assertBreaksOnly(Class<?> brokenKit, String rule)
    {
        KitResults results = KitResults.run(brokenKit);
        KitResults.Outcome outcome = results.of(rule);

        assertEquals(TestExecutionResult.Status.FAILED, outcome.status(), () -> brokenKit.getSimpleName() + " should fail " + rule + ": " + results);
        assertTrue(outcome.message().startsWith(rule + ":") || outcome.message().startsWith(rule + " "),
                () -> "the failure of " + rule + " must start with its number, but was: " + outcome.message());
        Map<String, String> failed = results.with(TestExecutionResult.Status.FAILED);
        assertEquals(Set.of(rule), failed.keySet(), () -> brokenKit.getSimpleName() + " breaks " + rule + " only, yet these failed: " + failed);
    }

    /** The kit, run on a correct implementation, passes every rule that applies and aborts the others with a reason. */
    public static void assertPasses(Class<?> kit, Set<String> aborted)
    {
        KitResults results = KitResults.run(kit);

        assertEquals(Map.of(), results.with(TestExecutionResult.Status.FAILED), () -> kit.getSimpleName() + " should pass: " + results);
        Map<String, String> abortedRules = results.with(TestExecutionResult.Status.ABORTED);
        assertEquals(aborted, abortedRules.keySet(), () -> "aborted rules of " + kit.getSimpleName() + ": " + abortedRules);
        abortedRules.forEach((rule, reason) -> assertTrue(reason.contains(rule + " "), () -> rule + " was aborted without naming itself: " + reason));
    }
}
