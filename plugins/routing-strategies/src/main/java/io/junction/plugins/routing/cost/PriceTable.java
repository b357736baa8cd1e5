package io.junction.plugins.routing.cost;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Public list prices by model name, read from {@code model-prices.json} next to this class (the file says where the
 * prices come from and when they were checked). A name is looked up as {@code provider/model}, then {@code model},
 * then likewise with only the part of the model after its last {@code /} (for {@code bedrock/converse/...} or
 * {@code openrouter/openai/...}); each also without a Bedrock cross-region prefix such as {@code us.}. Matching
 * ignores case.
 */
public final class PriceTable
{
    static final String RESOURCE = "model-prices.json";
    private static final String PRICES_FIELD = "usd_per_million_tokens";
    private static final double TOKENS_PER_MILLION = 1_000_000d;
    private static final List<String> CROSS_REGION_PREFIXES = List.of("us.", "eu.", "apac.", "global.", "jp.", "au.", "ca.", "us-gov.");

    private final Map<String, TokenPrice> byName;

    private PriceTable(Map<String, TokenPrice> byName)
    {
        this.byName = Map.copyOf(byName);
    }

    /** The table shipped with the plugin. */
    public static PriceTable shipped()
    {
        return Shipped.TABLE;
    }

    /**
     * Reads a table: a JSON object whose {@value #PRICES_FIELD} maps each model name to {@code {"input": x,
     * "output": y}} in USD per million tokens. Other top-level fields (sources, dates) are documentation.
     */
    public static PriceTable read(InputStream json)
            throws IOException
    {
        Map<String, TokenPrice> prices = new HashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            expect(parser, parser.nextToken(), JsonToken.START_OBJECT, "the table");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (PRICES_FIELD.equals(field)) {
                    expect(parser, value, JsonToken.START_OBJECT, PRICES_FIELD);
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String model = parser.currentName();
                        prices.put(model.toLowerCase(Locale.ROOT), readPrice(parser, model));
                    }
                }
                else {
                    parser.skipChildren();
                }
            }
        }
        if (prices.isEmpty()) {
            throw new IOException("the price table has no '" + PRICES_FIELD + "' entries");
        }
        return new PriceTable(prices);
    }

    public Optional<TokenPrice> find(String provider, String model)
    {
        String prefix = provider.toLowerCase(Locale.ROOT) + "/";
        String name = model.toLowerCase(Locale.ROOT);
        TokenPrice price = lookup(prefix + name);
        if (price == null) {
            price = lookup(name);
        }
        int slash = name.lastIndexOf('/');
        if (price == null && slash >= 0) {
            String lastSegment = name.substring(slash + 1);
            price = lookup(prefix + lastSegment);
            if (price == null) {
                price = lookup(lastSegment);
            }
        }
        return Optional.ofNullable(price);
    }

    public int size()
    {
        return byName.size();
    }

    private TokenPrice lookup(String name)
    {
        TokenPrice price = byName.get(name);
        if (price != null) {
            return price;
        }
        int lastSegment = name.lastIndexOf('/') + 1;
        for (String prefix : CROSS_REGION_PREFIXES) {
            if (name.startsWith(prefix, lastSegment)) {
                return byName.get(name.substring(0, lastSegment) + name.substring(lastSegment + prefix.length()));
            }
        }
        return null;
    }

    private static TokenPrice readPrice(JsonParser parser, String model)
            throws IOException
    {
        expect(parser, parser.nextToken(), JsonToken.START_OBJECT, model);
        double input = Double.NaN;
        double output = Double.NaN;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!value.isNumeric()) {
                parser.skipChildren();
                continue;
            }
            switch (field) {
                case "input" -> input = parser.getDoubleValue();
                case "output" -> output = parser.getDoubleValue();
                default -> {
                    // documentation fields are allowed
                }
            }
        }
        if (!TokenPrice.isPrice(input) || !TokenPrice.isPrice(output)) {
            throw new IOException("the price table entry '" + model + "' needs a non-negative numeric input and output price");
        }
        return new TokenPrice(input / TOKENS_PER_MILLION, output / TOKENS_PER_MILLION);
    }

    private static void expect(JsonParser parser, JsonToken actual, JsonToken expected, String what)
            throws IOException
    {
        if (actual != expected) {
            throw new IOException("the price table is malformed at " + what + " (line " + parser.currentLocation().getLineNr() + "): expected " + expected + " but found " + actual);
        }
    }

    /** Loaded once, on first use, from the plugin's own jar. */
    private static final class Shipped
    {
        static final PriceTable TABLE = load();

        private static PriceTable load()
        {
            try (InputStream json = PriceTable.class.getResourceAsStream(RESOURCE)) {
                if (json == null) {
                    throw new IllegalStateException("the routing strategies plugin is missing its price table " + RESOURCE);
                }
                return read(json);
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot read the routing strategies plugin's price table " + RESOURCE + ": " + e.getMessage(), e);
            }
        }
    }
}
