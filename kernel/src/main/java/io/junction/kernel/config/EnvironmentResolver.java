package io.junction.kernel.config;

import io.junction.spi.ConfigException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces every string value {@code os.environ/NAME}, at any depth, by the value of the environment variable
 * NAME, as LiteLLM does. A variable that is not set leaves the value absent (null) with a warning naming the key
 * and the variable, except for {@code general_settings.master_key}: a gateway that silently started without its
 * key would be open to anyone.
 */
final class EnvironmentResolver
{
    static final String PREFIX = "os.environ/";
    static final String MASTER_KEY_PATH = "general_settings.master_key";

    private final Map<String, String> environment;
    private final Set<String> ignoredPaths;
    private final List<String> warnings;

    /**
     * @param ignoredPaths keys that are ignored anyway (and already warned about): no second warning under them
     */
    EnvironmentResolver(Map<String, String> environment, Set<String> ignoredPaths, List<String> warnings)
    {
        this.environment = environment;
        this.ignoredPaths = ignoredPaths;
        this.warnings = warnings;
    }

    /**
     * @return {@code value} with every reference resolved; mappings and lists are copied and unmodifiable
     */
    Object resolve(String path, Object value)
    {
        if (value instanceof String text && text.startsWith(PREFIX)) {
            return lookUp(path, text.substring(PREFIX.length()).trim());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((key, item) -> resolved.put((String) key, resolve(KeyPaths.child(path, (String) key), item)));
            return Collections.unmodifiableMap(resolved);
        }
        if (value instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                resolved.add(resolve(KeyPaths.index(path, i), list.get(i)));
            }
            return Collections.unmodifiableList(resolved);
        }
        return value;
    }

    private String lookUp(String path, String name)
    {
        if (name.isEmpty()) {
            throw new ConfigException(path, "is 'os.environ/' without a variable name. Fix: write os.environ/NAME, e.g. os.environ/OPENAI_API_KEY.");
        }
        String value = environment.get(name);
        if (value != null) {
            return value;
        }
        if (path.equals(MASTER_KEY_PATH)) {
            throw new ConfigException(path, "refers to the environment variable " + name + " (os.environ/" + name
                    + "), which is not set; Junction will not start without its master key. Fix: set " + name
                    + " in the environment of the gateway, or under environment_variables.");
        }
        if (ignoredPaths.stream().noneMatch(ignored -> KeyPaths.isWithin(path, ignored))) {
            warnings.add(path + " refers to the environment variable " + name + " (os.environ/" + name
                    + "), which is not set; the value is left empty");
        }
        return null;
    }
}
