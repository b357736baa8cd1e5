package io.junction.tck.validate;

import java.util.Objects;

/**
 * How one rule of a kit ended for one extension.
 *
 * @param rule the rule's number ({@code R3}), or the kit's name when the kit itself could not run
 * @param description the rule in words
 * @param message why it failed or did not apply; empty when it passed
 */
public record RuleResult(String rule, String description, Status status, String message)
{
    public enum Status
    {
        PASSED("PASS"),
        FAILED("FAIL"),
        /** The rule does not apply: a capability not declared, or a setting the validator cannot know. */
        NOT_APPLICABLE("N/A"),
        /** A provider format rule: only the plugin's own test, which knows the native format, can run it. */
        NEEDS_OWN_TEST("OWN TEST");

        private final String label;

        Status(String label)
        {
            this.label = label;
        }

        public String label()
        {
            return label;
        }
    }

    public RuleResult
    {
        Objects.requireNonNull(rule, "rule is null");
        Objects.requireNonNull(description, "description is null");
        Objects.requireNonNull(status, "status is null");
        message = message == null ? "" : message;
    }
}
