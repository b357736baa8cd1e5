package io.junction.kernel.config;

import io.junction.spi.ConfigException;
import io.junction.spi.ConfigView;
import io.junction.spi.Secret;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code litellm_settings} and {@code general_settings} (already resolved) into their records, with LiteLLM's
 * defaults; {@link RouterSettingsParser} reads {@code router_settings}.
 */
final class SettingsParser
{
    static final String ROUTER = "router_settings";
    static final String LITELLM = "litellm_settings";
    static final String GENERAL = "general_settings";

    private static final Set<String> CALLBACK_KEYS = Set.of("callbacks", "success_callback", "failure_callback");
    private static final double BYTES_PER_MB = 1024d * 1024d;

    private SettingsParser() {}

    static LitellmSettings litellm(Map<String, Object> litellm)
    {
        String cacheParamsPath = KeyPaths.child(LITELLM, "cache_params");
        Map<String, Object> cacheParams = ConfigValues.mapping(cacheParamsPath, litellm.get("cache_params"), "cache_params: with type: local indented below it");
        return new LitellmSettings(
                ConfigValues.bool(KeyPaths.child(LITELLM, "drop_params"), litellm.get("drop_params"), "drop_params: true").orElse(false),
                callbacks(litellm),
                ConfigValues.bool(KeyPaths.child(LITELLM, "cache"), litellm.get("cache"), "cache: true").orElse(false),
                new ConfigView(cacheParamsPath, cacheParams),
                ConfigValues.positiveSeconds(KeyPaths.child(LITELLM, "request_timeout"), litellm.get("request_timeout"), "request_timeout: 600 (seconds)"),
                new ConfigView(LITELLM, litellm));
    }

    static GeneralSettings general(Map<String, Object> general)
    {
        String masterKeyPath = KeyPaths.child(GENERAL, "master_key");
        String masterKeyExample = "master_key: os.environ/LITELLM_MASTER_KEY (a long random value such as sk-...)";
        Optional<Secret> masterKey = ConfigValues.secret(masterKeyPath, general.get("master_key"), masterKeyExample);
        if (masterKey.isPresent() && masterKey.get().reveal().isBlank()) {
            // an empty key would either lock everyone out or, worse, let an empty bearer token in
            throw new ConfigException(masterKeyPath, "is empty. Fix: write " + masterKeyExample + ", or remove the line to run without authentication.");
        }
        String sizePath = KeyPaths.child(GENERAL, "max_request_size_mb");
        long maxBodyBytes = GeneralSettings.DEFAULT_MAX_REQUEST_BODY_BYTES;
        var sizeMb = ConfigValues.positiveNumber(sizePath, general.get("max_request_size_mb"), "megabytes", "max_request_size_mb: 32");
        if (sizeMb.isPresent()) {
            double bytes = sizeMb.getAsDouble() * BYTES_PER_MB;
            if (bytes < 1 || bytes > Long.MAX_VALUE / 2) {
                throw new ConfigException(sizePath, "must be between one byte and a few terabytes but was " + general.get("max_request_size_mb")
                        + ". Fix: write max_request_size_mb: 32.");
            }
            maxBodyBytes = Math.round(bytes);
        }
        return new GeneralSettings(masterKey, maxBodyBytes, new ConfigView(GENERAL, general));
    }

    /** The names in callbacks, success_callback and failure_callback, in order of first appearance, each once. */
    private static List<String> callbacks(Map<String, Object> litellm)
    {
        Set<String> names = new LinkedHashSet<>();
        litellm.forEach((key, value) -> {
            if (CALLBACK_KEYS.contains(key)) {
                names.addAll(ConfigValues.names(KeyPaths.child(LITELLM, key), value, key + ": [\"langfuse\", \"prometheus\"]"));
            }
        });
        return List.copyOf(names);
    }
}
