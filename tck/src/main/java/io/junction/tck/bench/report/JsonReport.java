package io.junction.tck.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code results.json}: the whole report, histograms included, for machines. */
public final class JsonReport
{
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    public static String render(BenchReport report)
    {
        try {
            return JSON.writeValueAsString(report);
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot render the report as JSON: " + e.getMessage(), e);
        }
    }

    public static void write(BenchReport report, Path file)
            throws IOException
    {
        Files.writeString(file, render(report));
    }

    public static JsonNode read(Path file)
            throws IOException
    {
        return JSON.readTree(Files.readString(file));
    }
}
