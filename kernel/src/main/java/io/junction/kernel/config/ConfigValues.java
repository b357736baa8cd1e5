package io.junction.kernel.config;

import io.junction.spi.ConfigException;
import io.junction.spi.Secret;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Reads one typed value from the YAML tree. Numbers and booleans may arrive as strings (every value taken from
 * {@code os.environ/NAME} is a string, and YAML reads {@code 1e-6} as a string too). Every failure names the key
 * path, the value found (never for a secret key) and the fix, given as an example line.
 */
final class ConfigValues
{
    // Duration.ofNanos overflows a little above 292 years
    private static final double MAX_SECONDS = 9_000_000_000d;

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private static final SecretKeys SECRET_KEYS = SecretKeys.defaults();

    private ConfigValues() {}

    static Optional<String> string(String path, Object value, String example)
    {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String text) {
            return Optional.of(text);
        }
        throw wrongType(path, value, "a string", example + " (quote it if it looks like a number or true/false)");
    }

    static String requireString(String path, Object value, String example)
    {
        Optional<String> text = string(path, value, example);
        if (text.isEmpty() || text.get().isBlank()) {
            throw missing(path, value, example);
        }
        return text.get();
    }

    static OptionalLong nonNegativeInteger(String path, Object value, String what, String example)
    {
        if (value == null) {
            return OptionalLong.empty();
        }
        BigDecimal number = toNumber(value).orElseThrow(() -> wrongType(path, value, "a whole number of " + what, example));
        // decided on the stripped form, so that 1e999999999 is never expanded digit by digit
        BigDecimal stripped = number.stripTrailingZeros();
        if (stripped.scale() > 0) {
            throw wrongType(path, value, "a whole number of " + what, example);
        }
        if (stripped.signum() < 0) {
            throw new ConfigException(path, "must not be negative but was " + value + ". Fix: write " + example + ".");
        }
        if (stripped.compareTo(LONG_MAX) > 0) {
            throw new ConfigException(path, "is too large: " + value + ". Fix: write " + example + ".");
        }
        return OptionalLong.of(stripped.longValueExact());
    }

    static OptionalDouble positiveNumber(String path, Object value, String what, String example)
    {
        OptionalDouble number = number(path, value, what, example);
        if (number.isPresent() && number.getAsDouble() <= 0) {
            throw new ConfigException(path, "must be greater than zero but was " + value + ". Fix: write " + example + ".");
        }
        return number;
    }

    static OptionalDouble nonNegativeNumber(String path, Object value, String what, String example)
    {
        OptionalDouble number = number(path, value, what, example);
        if (number.isPresent() && number.getAsDouble() < 0) {
            throw new ConfigException(path, "must not be negative but was " + value + ". Fix: write " + example + ".");
        }
        return number;
    }

    /** A duration in seconds, as LiteLLM writes them ({@code timeout: 30}, {@code timeout: 0.5}). */
    static Optional<Duration> positiveSeconds(String path, Object value, String example)
    {
        OptionalDouble seconds = positiveNumber(path, value, "seconds", example);
        if (seconds.isEmpty()) {
            return Optional.empty();
        }
        if (seconds.getAsDouble() > MAX_SECONDS) {
            throw new ConfigException(path, "is too large: " + value + " seconds. Fix: write " + example + ".");
        }
        return Optional.of(Duration.ofNanos(Math.round(seconds.getAsDouble() * 1_000_000_000d)));
    }

    static Optional<Boolean> bool(String path, Object value, String example)
    {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Boolean flag) {
            return Optional.of(flag);
        }
        if (value instanceof String text) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> {
                    return Optional.of(true);
                }
                case "false", "no", "off" -> {
                    return Optional.of(false);
                }
                default -> {
                    // reported below with the key
                }
            }
        }
        throw wrongType(path, value, "true or false", example);
    }

    /** A mapping; absent is empty. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> mapping(String path, Object value, String example)
    {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            // YamlDocument gives every mapping string keys
            return (Map<String, Object>) map;
        }
        throw wrongType(path, value, "a mapping (indented key: value lines)", example);
    }

    /** One name or a list of names ({@code callbacks: langfuse} or {@code callbacks: ["langfuse", "otel"]}). */
    static List<String> names(String path, Object value, String example)
    {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String text) {
            return text.isBlank() ? List.of() : List.of(text.trim());
        }
        if (value instanceof List<?> items) {
            List<String> names = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                Object item = items.get(i);
                if (item == null) {
                    // an os.environ/ reference whose variable is not set: already warned about
                    continue;
                }
                if (!(item instanceof String text)) {
                    throw wrongType(KeyPaths.index(path, i), item, "a name", example);
                }
                if (!text.isBlank()) {
                    names.add(text.trim());
                }
            }
            return names;
        }
        throw wrongType(path, value, "a name or a list of names", example);
    }

    static Optional<Secret> secret(String path, Object value, String example)
    {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String || value instanceof Number) {
            return Optional.of(new Secret(value.toString()));
        }
        throw wrongType(path, value, "a string", example);
    }

    static ConfigException missing(String path, Object value, String example)
    {
        String problem = value == null ? "is required but missing" : "is required but empty";
        return new ConfigException(path, problem + ". Fix: add " + example + ".");
    }

    static ConfigException wrongType(String path, Object value, String expected, String example)
    {
        return new ConfigException(path, "expected " + expected + " but found " + describe(path, value) + ". Fix: write " + example + ".");
    }

    /** The value as a message may show it: never the value of a secret key. */
    static String describe(String path, Object value)
    {
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (SECRET_KEYS.isSecret(KeyPaths.lastKey(path))) {
            return "a " + typeName(value) + " (value hidden: the key is secret)";
        }
        if (value instanceof String text) {
            return "'" + text + "'";
        }
        return typeName(value) + " " + value;
    }

    private static String typeName(Object value)
    {
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof Number) {
            return "number";
        }
        return value.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static OptionalDouble number(String path, Object value, String what, String example)
    {
        if (value == null) {
            return OptionalDouble.empty();
        }
        BigDecimal number = toNumber(value).orElseThrow(() -> wrongType(path, value, "a number of " + what, example));
        double asDouble = number.doubleValue();
        if (Double.isInfinite(asDouble)) {
            throw new ConfigException(path, "is too large: " + value + ". Fix: write " + example + ".");
        }
        return OptionalDouble.of(asDouble);
    }

    private static Optional<BigDecimal> toNumber(Object value)
    {
        try {
            if (value instanceof Integer || value instanceof Long) {
                return Optional.of(BigDecimal.valueOf(((Number) value).longValue()));
            }
            if (value instanceof BigInteger big) {
                return Optional.of(new BigDecimal(big));
            }
            if (value instanceof Double || value instanceof Float) {
                double number = ((Number) value).doubleValue();
                // YAML's .nan and .inf are no quantity
                return Double.isFinite(number) ? Optional.of(BigDecimal.valueOf(number)) : Optional.empty();
            }
            if (value instanceof String text && !text.isBlank()) {
                return Optional.of(new BigDecimal(text.trim()));
            }
        }
        catch (NumberFormatException notANumber) {
            // reported by the caller with the key
        }
        return Optional.empty();
    }
}
