package io.junction.tck.bench.report;

import io.junction.tck.bench.stats.PercentileCurve;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Latency by percentile as inline SVG, drawn like HdrHistogram's plots: the x axis is {@code 1 / (1 - percentile)} on a
 * log scale (ticks at 0 %, 90 %, 99 %, 99.9 %...), so the tail gets as much room as the median. No script, no network.
 */
final class SvgPercentileChart
{
    private static final int WIDTH = 640;
    private static final int HEIGHT = 340;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 48;
    private static final String[] COLORS = {"#d62728", "#1f77b4", "#2ca02c", "#9467bd"};

    private SvgPercentileChart() {}

    record Series(String name, PercentileCurve curve)
    {
        Series
        {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(curve, "curve is null");
        }
    }

    static String render(String title, List<Series> series)
    {
        double maxDecades = 2;
        double maxMillis = 0;
        for (Series each : series) {
            for (PercentileCurve.Point point : each.curve().points()) {
                maxDecades = Math.max(maxDecades, decades(point.percentile()));
                maxMillis = Math.max(maxMillis, point.millis());
            }
        }
        maxDecades = Math.ceil(maxDecades);
        double yMax = niceCeiling(maxMillis <= 0 ? 1 : maxMillis * 1.05);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" role=\"img\" aria-label=\"")
                .append(HtmlReport.escape(title)).append("\">\n");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"18\" font-size=\"13\" font-weight=\"bold\">").append(HtmlReport.escape(title)).append("</text>\n");
        // grid and axes
        for (int decade = 0; decade <= maxDecades; decade++) {
            double x = LEFT + plotWidth * decade / maxDecades;
            svg.append(line(x, TOP, x, TOP + plotHeight, "#ddd"));
            svg.append(text(x, TOP + plotHeight + 16, percentileLabel(decade), "middle"));
        }
        for (int i = 0; i <= 4; i++) {
            double value = yMax * i / 4;
            double y = TOP + plotHeight - plotHeight * i / 4;
            svg.append(line(LEFT, y, LEFT + plotWidth, y, "#ddd"));
            svg.append(text(LEFT - 6, y + 4, Numbers.millis(value), "end"));
        }
        svg.append(text(LEFT + plotWidth / 2, HEIGHT - 8, "percentile (log scale of 1/(1-p))", "middle"));
        svg.append("<text x=\"14\" y=\"").append(fmt(TOP + plotHeight / 2)).append("\" font-size=\"11\" text-anchor=\"middle\" transform=\"rotate(-90 14 ")
                .append(fmt(TOP + plotHeight / 2)).append(")\">latency ms</text>\n");
        // one path per series, and a legend
        for (int s = 0; s < series.size(); s++) {
            Series each = series.get(s);
            String color = COLORS[s % COLORS.length];
            StringBuilder path = new StringBuilder();
            for (PercentileCurve.Point point : each.curve().points()) {
                double x = LEFT + plotWidth * decades(point.percentile()) / maxDecades;
                double y = TOP + plotHeight - plotHeight * Math.min(point.millis(), yMax) / yMax;
                path.append(path.isEmpty() ? "M" : " L").append(fmt(x)).append(' ').append(fmt(y));
            }
            if (!path.isEmpty()) {
                svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2\">")
                        .append("<title>").append(HtmlReport.escape(each.name())).append("</title></path>\n");
            }
            double legendY = TOP + 14 + 16 * s;
            svg.append(line(LEFT + 10, legendY - 4, LEFT + 34, legendY - 4, color));
            svg.append(text(LEFT + 40, legendY, each.name(), "start"));
        }
        return svg.append("</svg>\n").toString();
    }

    /** {@code log10(1 / (1 - p))}: 0 at 0 %, 1 at 90 %, 2 at 99 %... */
    static double decades(double percentile)
    {
        double remaining = 1 - Math.min(percentile, PercentileCurve.LAST_PERCENTILE) / 100.0;
        return Math.log10(1 / remaining);
    }

    private static String percentileLabel(int decade)
    {
        if (decade == 0) {
            return "0%";
        }
        if (decade == 1) {
            return "90%";
        }
        return "99" + (decade > 2 ? "." + "9".repeat(decade - 2) : "") + "%";
    }

    private static double niceCeiling(double value)
    {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String line(double x1, double y1, double x2, double y2, String color)
    {
        return "<line x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\"" + fmt(y2) + "\" stroke=\"" + color + "\"/>\n";
    }

    private static String text(double x, double y, String text, String anchor)
    {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" font-size=\"11\" text-anchor=\"" + anchor + "\">" + HtmlReport.escape(text) + "</text>\n";
    }

    private static String fmt(double value)
    {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
