package io.junction.spi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A typed, read-only view of one section of configuration, as an extension receives it.
 * <p>
 * Values come from YAML, so numbers may arrive as strings ({@code "60"}) and durations as seconds. Every accessor
 * converts what it can and otherwise throws a {@link ConfigException} naming the full key path, the value found
 * and what was expected, so a user can fix the file without reading code. Secret values are only reachable through
 * {@link #secret(String)}, whose result masks itself.
 */
public final class ConfigView
{
    private final String path;
    private final Map<String, Object> values;

    public ConfigView(String path, Map<String, ?> values)
    {
        this.path = Objects.requireNonNull(path, "path is null");
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, "values is null")));
    }

    public static ConfigView empty(String path)
    {
        return new ConfigView(path, Map.of());
    }

    /** Where this section sits in the configuration, e.g. {@code model_list[2].litellm_params}. */
    public String path()
    {
        return path;
    }

    public Set<String> keys()
    {
        return values.keySet();
    }

    public boolean has(String key)
    {
        return values.get(key) != null;
    }

    /** The raw values, for an extension that passes unknown keys through (e.g. extra provider parameters). */
    public Map<String, Object> asMap()
    {
        return values;
    }

    public String keyPath(String key)
    {
        return path.isEmpty() ? key : path + "." + key;
    }

    public Optional<String> string(String key)
    {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return Optional.of(value.toString());
        }
        throw wrongType(key, value, "a string");
    }

    public String requireString(String key)
    {
        return string(key).filter(s -> !s.isBlank())
                .orElseThrow(() -> new ConfigException(keyPath(key), "is required but missing. Fix: set " + keyPath(key) + "."));
    }

    public Optional<Long> integer(String key)
    {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return Optional.of(((Number) value).longValue());
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return Optional.of(number.longValue());
        }
        if (value instanceof String text) {
            try {
                return Optional.of(Long.parseLong(text.trim()));
            }
            catch (NumberFormatException ignored) {
                // reported below with the key
            }
        }
        throw wrongType(key, value, "a whole number");
    }

    public Optional<Double> number(String key)
    {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Number number) {
            return Optional.of(number.doubleValue());
        }
        if (value instanceof String text) {
            try {
                return Optional.of(Double.parseDouble(text.trim()));
            }
            catch (NumberFormatException ignored) {
                // reported below with the key
            }
        }
        throw wrongType(key, value, "a number");
    }

    public Optional<Boolean> bool(String key)
    {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Boolean flag) {
            return Optional.of(flag);
        }
        if (value instanceof String text) {
            switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
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
        throw wrongType(key, value, "true or false");
    }

    /** A duration given in seconds, as LiteLLM writes them ({@code timeout: 30}, {@code timeout: 0.5}). */
    public Optional<Duration> seconds(String key)
    {
        return number(key).map(seconds -> {
            if (seconds < 0 || seconds.isNaN() || seconds.isInfinite()) {
                throw new ConfigException(keyPath(key), "must be a non-negative number of seconds but was " + seconds + ".");
            }
            return Duration.ofNanos(Math.round(seconds * 1_000_000_000d));
        });
    }

    public Optional<Secret> secret(String key)
    {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String || value instanceof Number) {
            return Optional.of(new Secret(value.toString()));
        }
        // never echo a secret's value, even a malformed one
        throw new ConfigException(keyPath(key), "expected a string but found a " + typeName(value) + ".");
    }

    public Optional<ConfigView> section(String key)
    {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> map) {
            return Optional.of(new ConfigView(keyPath(key), stringKeys(key, map)));
        }
        throw wrongType(key, value, "a mapping (key: value lines)");
    }

    public List<String> stringList(String key)
    {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String text) {
            return List.of(text);
        }
        if (value instanceof List<?> list) {
            List<String> strings = new ArrayList<>(list.size());
            for (Object item : list) {
                if (!(item instanceof String || item instanceof Number)) {
                    throw wrongType(key, value, "a list of strings");
                }
                strings.add(item.toString());
            }
            return List.copyOf(strings);
        }
        throw wrongType(key, value, "a list of strings");
    }

    private Map<String, Object> stringKeys(String key, Map<?, ?> map)
    {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String name)) {
                throw new ConfigException(keyPath(key), "has a key that is not a string: " + entry.getKey() + ".");
            }
            copy.put(name, entry.getValue());
        }
        return copy;
    }

    private ConfigException wrongType(String key, Object value, String expected)
    {
        return new ConfigException(keyPath(key), "expected " + expected + " but found " + describe(value) + ".");
    }

    private static String describe(Object value)
    {
        if (value instanceof String text) {
            return "'" + text + "'";
        }
        if (value instanceof Map || value instanceof List) {
            return "a " + typeName(value);
        }
        return typeName(value) + " " + value;
    }

    private static String typeName(Object value)
    {
        if (value instanceof Map) {
            return "mapping";
        }
        if (value instanceof List) {
            return "list";
        }
        return value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString()
    {
        return "ConfigView[" + path + ", keys=" + values.keySet() + "]";
    }
}
