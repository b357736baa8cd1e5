package io.junction.tck.bench.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway configurations of the scenarios, shipped as templates ({@code gateway/NAME.yaml} next to this class's
 * resources) with {@code {{placeholder}}}s the runner fills in: {@code upstream} (the fake upstream's
 * {@code http://127.0.0.1:PORT}), {@code master_key}, and scenario values such as {@code rpm_a}.
 */
public final class GatewayConfigs
{
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
    private static final String RESOURCES = "/io/junction/tck/bench/gateway/";

    private GatewayConfigs() {}

    public static String template(String name)
    {
        try (InputStream in = GatewayConfigs.class.getResourceAsStream(RESOURCES + name + ".yaml")) {
            if (in == null) {
                throw new IllegalArgumentException("no gateway config template '" + name + "'");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fills every {@code {{name}}}; a placeholder without a value is an error naming it. */
    public static String render(String template, Map<String, String> values)
    {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("the gateway config uses {{" + matcher.group(1) + "}} but the runner has no value for it; known: "
                        + new TreeSet<>(values.keySet()));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
