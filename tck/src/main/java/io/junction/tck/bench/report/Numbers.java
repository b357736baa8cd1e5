package io.junction.tck.bench.report;

import java.util.Locale;

/** How figures are printed in the Markdown and HTML reports. */
final class Numbers
{
    private Numbers() {}

    /** Milliseconds: three decimals below 10 ms (the budgets are in tenths of a millisecond), fewer above. */
    static String millis(double value)
    {
        if (Double.isNaN(value)) {
            return "-";
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude < 10 ? "%.3f" : magnitude < 1000 ? "%.1f" : "%.0f";
        return String.format(Locale.ROOT, pattern, value);
    }

    static String signedMillis(double value)
    {
        String text = millis(value);
        return value > 0 ? "+" + text : text;
    }

    static String rate(double value)
    {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
    }

    static String optional(Double value, String pattern)
    {
        return value == null ? "-" : String.format(Locale.ROOT, pattern, value);
    }

    static String metric(double value)
    {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.1f" : "%.4f", value);
    }
}
