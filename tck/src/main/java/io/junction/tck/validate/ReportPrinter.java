package io.junction.tck.validate;

import java.io.PrintWriter;

/** Writes a validation report for a person: one line per rule, then a summary and the verdict. */
final class ReportPrinter
{
    private static final int MAX_MESSAGE_CHARS = 600;

    private ReportPrinter() {}

    static void print(ValidationReport report, PrintWriter out)
    {
        out.println("Junction plugin validation of " + report.plugin());
        out.println("Loaded by the kernel's plugin host: " + (report.loaded().isEmpty() ? "nothing" : String.join(", ", report.loaded())));
        for (String failure : report.loadFailures()) {
            out.println("  NOT LOADED  " + failure);
        }
        if (report.extensions().isEmpty() && report.loadFailures().isEmpty()) {
            out.println("  The plugin provides no extension: its entry class returns no factories.");
        }
        for (ExtensionReport extension : report.extensions()) {
            out.println();
            out.println(extension.extension().describe());
            for (RuleResult result : extension.results()) {
                out.printf("  %-8s %-5s %s%n", result.status().label(), result.rule(), result.description());
                if (!result.message().isEmpty() && result.status() != RuleResult.Status.PASSED) {
                    out.println("                 " + shortened(result.message()).replace("\n", "\n                 "));
                }
            }
        }
        out.println();
        out.printf("%d passed, %d failed, %d not applicable, %d need the plugin's own test%n", report.count(RuleResult.Status.PASSED),
                report.count(RuleResult.Status.FAILED), report.count(RuleResult.Status.NOT_APPLICABLE), report.count(RuleResult.Status.NEEDS_OWN_TEST));
        if (report.count(RuleResult.Status.NOT_APPLICABLE) > 0) {
            out.println("N/A: claim a capability with --capability NAME to run its rules; rules that need the plugin's settings run in its own tests.");
        }
        out.println(switch (report.exitCode()) {
            case ValidationReport.PASSED -> "VALID: every rule that applies passed. See tck/README.md for the rules, and for those left to the plugin's own tests.";
            case ValidationReport.RULE_FAILED -> "INVALID: rules failed. tck/README.md says what each rule requires and what to look at.";
            default -> "NOT VALIDATED: the plugin did not load, or provides nothing to check.";
        });
        out.flush();
    }

    private static String shortened(String message)
    {
        return message.length() > MAX_MESSAGE_CHARS ? message.substring(0, MAX_MESSAGE_CHARS) + "..." : message;
    }
}
