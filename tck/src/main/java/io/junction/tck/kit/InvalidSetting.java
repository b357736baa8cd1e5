package io.junction.tck.kit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A setting a factory must refuse with a {@code ConfigException} naming it: what a plugin's test declares so that
 * the kit can check its configuration errors.
 *
 * @param key the key inside the extension's section; a dotted path reaches nested mappings
 *        ({@code routing_strategy_args.cooldown_seconds})
 * @param value the value the factory must refuse
 */
public record InvalidSetting(String key, Object value)
{
    public InvalidSetting
    {
        Objects.requireNonNull(key, "key is null");
        if (key.isBlank() || key.startsWith(".") || key.endsWith(".")) {
            throw new IllegalArgumentException("key must be a dotted path such as 'a' or 'a.b' but was '" + key + "'");
        }
    }

    /** The valid settings with this one's value written in at its (possibly nested) key. */
    public Map<String, Object> appliedTo(Map<String, ?> validSettings)
    {
        Map<String, Object> settings = new LinkedHashMap<>(validSettings);
        String[] path = key.split("\\.");
        Map<String, Object> section = settings;
        for (int i = 0; i < path.length - 1; i++) {
            Object existing = section.get(path[i]);
            Map<String, Object> nested = existing instanceof Map<?, ?> map ? copy(map) : new LinkedHashMap<>();
            section.put(path[i], nested);
            section = nested;
        }
        section.put(path[path.length - 1], value);
        return settings;
    }

    private static Map<String, Object> copy(Map<?, ?> map)
    {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((name, nestedValue) -> copy.put(String.valueOf(name), nestedValue));
        return copy;
    }
}
