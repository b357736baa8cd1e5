package io.junction.tck.kit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.util.Optional;

/**
 * Makes every failure of a rule start with the rule's number, including failures the kit did not phrase itself:
 * an exception thrown by the implementation, or a timeout. A report (or a developer) then knows which rule broke
 * without reading a stack trace. Aborted rules (capabilities not declared) pass through untouched.
 */
public final class RuleMessages
        implements TestExecutionExceptionHandler
{
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable
    {
        if (failure instanceof TestAbortedException) {
            throw failure;
        }
        Optional<String> rule = RuleIds.of(context.getRequiredTestMethod());
        if (rule.isEmpty() || startsWithRule(failure.getMessage(), rule.get())) {
            throw failure;
        }
        String description = failure instanceof AssertionError
                ? String.valueOf(failure.getMessage())
                : "the implementation threw " + failure.getClass().getName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        throw new AssertionFailedError(rule.get() + ": " + description, failure);
    }

    static boolean startsWithRule(String message, String rule)
    {
        return message != null && message.startsWith(rule) && (message.length() == rule.length() || !Character.isDigit(message.charAt(rule.length())));
    }
}
