package io.junction.plugins.callbacks.prometheus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The samples of a Prometheus text exposition, parsed so that tests can assert values exactly. */
record Scrape(String text, List<Sample> samples)
{
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    record Sample(String name, Map<String, String> labels, double value) {}

    static Scrape parse(byte[] body)
    {
        String text = new String(body, StandardCharsets.UTF_8);
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertTrue(sample.matches(), "not a sample line: " + line);
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
        }
        return new Scrape(text, List.copyOf(samples));
    }

    /** The value of the one sample with exactly these labels, if there is one. */
    Optional<Double> find(String name, Map<String, String> labels)
    {
        List<Double> values = samples.stream()
                .filter(sample -> sample.name().equals(name) && sample.labels().equals(labels))
                .map(Sample::value)
                .toList();
        assertTrue(values.size() <= 1, "duplicate series " + name + labels);
        return values.stream().findFirst();
    }

    double value(String name, Map<String, String> labels)
    {
        return find(name, labels).orElseThrow(() -> new AssertionError("no series " + name + labels + " in:\n" + text));
    }

    /** The cumulative count of a histogram bucket, found by its bound whatever the text of {@code le}. */
    double bucket(String histogram, Map<String, String> labels, double upperBound)
    {
        List<Double> values = samples.stream()
                .filter(sample -> sample.name().equals(histogram + "_bucket"))
                .filter(sample -> withoutBound(sample.labels()).equals(labels))
                .filter(sample -> Double.parseDouble(sample.labels().get("le").replace("+Inf", "Infinity")) == upperBound)
                .map(Sample::value)
                .toList();
        assertEquals(1, values.size(), "bucket le=" + upperBound + " of " + histogram + labels + " in:\n" + text);
        return values.getFirst();
    }

    List<Sample> named(String name)
    {
        return samples.stream().filter(sample -> sample.name().equals(name)).toList();
    }

    private static Map<String, String> withoutBound(Map<String, String> labels)
    {
        Map<String, String> copy = new LinkedHashMap<>(labels);
        copy.remove("le");
        return copy;
    }
}
