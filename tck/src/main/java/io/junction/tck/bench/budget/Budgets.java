package io.junction.tck.bench.budget;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The budgets of a run: the shipped {@code budgets.json}, or a file given with {@code --budgets} (JSON or YAML, same
 * shape: {@code {"budgets": [{"scenario": ..., "metric": ..., "max": ..., "enforced": ...}]}}).
 */
public record Budgets(@JsonProperty("budgets") List<Budget> budgets)
{
    private static final String RESOURCE = "/io/junction/tck/bench/budgets.json";
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public Budgets
    {
        budgets = List.copyOf(budgets);
    }

    public static Budgets load(Optional<Path> file)
    {
        try {
            if (file.isPresent()) {
                return parse(Files.readString(file.get()), file.get().toString());
            }
            try (InputStream in = Budgets.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the tck jar lacks " + RESOURCE);
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in budgets");
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the budgets: " + e.getMessage(), e);
        }
    }

    /** Parses JSON or YAML (YAML being a superset of JSON, one parser reads both). */
    public static Budgets parse(String text, String sourceName)
    {
        Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        try {
            Budgets budgets = JSON.convertValue(tree, Budgets.class);
            if (budgets == null || budgets.budgets() == null) {
                throw new IllegalArgumentException("has no \"budgets\" list");
            }
            return budgets;
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("budgets in " + sourceName + " are not valid: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e)
    {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
