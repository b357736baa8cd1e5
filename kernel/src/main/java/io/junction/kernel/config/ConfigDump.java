package io.junction.kernel.config;

import io.junction.spi.Secret;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.representer.Representer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders the effective configuration as YAML, for {@code --print-config} and support requests: the sections as
 * loaded (with {@code os.environ/} values resolved and defaults filled in), every deployment's id, and the
 * warnings as comments. The value of every secret key ({@link SecretKeys}) is replaced by {@value Secret#MASK},
 * at any depth and whatever its source, and so is the password inside any {@code scheme://user:password@host}.
 */
public final class ConfigDump
{
    private static final Pattern URL_PASSWORD = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://[^/@\\s:]*:)[^/@\\s]+@");

    private final SecretKeys secretKeys;

    private ConfigDump(SecretKeys secretKeys)
    {
        this.secretKeys = secretKeys;
    }

    public static String render(GatewayConfig config)
    {
        return render(config, Set.of());
    }

    /**
     * @param extraSecretKeys further key names to mask, e.g. those plugin factories declare in
     *        {@link io.junction.spi.ExtensionFactory#secretKeys()}
     */
    public static String render(GatewayConfig config, Set<String> extraSecretKeys)
    {
        Objects.requireNonNull(config, "config is null");
        return new ConfigDump(SecretKeys.with(extraSecretKeys)).dump(config);
    }

    private String dump(GatewayConfig config)
    {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put(ModelListParser.SECTION, config.modelList().stream().map(this::deployment).toList());
        document.put(SettingsParser.ROUTER, router(config.routerSettings()));
        document.put(SettingsParser.LITELLM, litellm(config.litellmSettings()));
        document.put(SettingsParser.GENERAL, general(config.generalSettings()));

        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(160);
        StringBuilder out = new StringBuilder();
        for (String warning : config.warnings()) {
            out.append("# warning: ").append(warning.replace('\n', ' ')).append('\n');
        }
        return out.append(new Yaml(new Representer(options), options).dump(document)).toString();
    }

    private Map<String, Object> deployment(ModelDeployment deployment)
    {
        Map<String, Object> modelInfo = new LinkedHashMap<>();
        modelInfo.put("id", deployment.id());
        deployment.modelInfo().forEach((key, value) -> {
            if (!key.equals("id")) {
                modelInfo.put(key, value);
            }
        });
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("model_name", deployment.modelName());
        entry.put("litellm_params", masked(deployment.litellmParams().asMap()));
        entry.put("model_info", masked(modelInfo));
        return entry;
    }

    private Map<String, Object> router(RouterSettings settings)
    {
        Map<String, Object> section = new LinkedHashMap<>(settings.raw().asMap());
        section.put("routing_strategy", settings.routingStrategy());
        section.put("num_retries", settings.numRetries());
        settings.timeout().ifPresent(timeout -> section.put("timeout", seconds(timeout)));
        section.put("allowed_fails", settings.cooldowns().allowedFails());
        section.put("cooldown_time", seconds(settings.cooldowns().cooldownTime()));
        section.put("disable_cooldowns", settings.cooldowns().disabled());
        section.put("max_fallbacks", settings.fallbacks().maxFallbacks());
        section.put("enable_pre_call_checks", settings.preCallChecks());
        return masked(section);
    }

    private Map<String, Object> litellm(LitellmSettings settings)
    {
        Map<String, Object> section = new LinkedHashMap<>(settings.raw().asMap());
        section.put("drop_params", settings.dropParams());
        section.put("cache", settings.cacheEnabled());
        settings.requestTimeout().ifPresent(timeout -> section.put("request_timeout", seconds(timeout)));
        return masked(section);
    }

    private Map<String, Object> general(GeneralSettings settings)
    {
        Map<String, Object> section = new LinkedHashMap<>(settings.raw().asMap());
        settings.masterKey().ifPresent(key -> section.put("master_key", Secret.MASK));
        double megabytes = settings.maxRequestBodyBytes() / (1024d * 1024d);
        section.put("max_request_size_mb", megabytes == Math.rint(megabytes) ? (Object) (long) megabytes : (Object) megabytes);
        return masked(section);
    }

    private Map<String, Object> masked(Map<String, ?> values)
    {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((key, value) -> copy.put(key, value != null && secretKeys.isSecret(key) ? Secret.MASK : masked(value)));
        return copy;
    }

    private Object masked(Object value)
    {
        return switch (value) {
            case null -> null;
            case Map<?, ?> map -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((key, item) -> copy.put(String.valueOf(key), item));
                yield masked(copy);
            }
            case List<?> list -> {
                List<Object> copy = new ArrayList<>(list.size());
                list.forEach(item -> copy.add(masked(item)));
                yield copy;
            }
            case String text -> URL_PASSWORD.matcher(text).replaceAll("$1" + Secret.MASK + "@");
            case Secret secret -> Secret.MASK;
            case Duration duration -> seconds(duration);
            default -> value;
        };
    }

    private static Object seconds(Duration duration)
    {
        return duration.toNanos() % 1_000_000_000L == 0 ? (Object) duration.toSeconds() : (Object) (duration.toNanos() / 1e9);
    }
}
