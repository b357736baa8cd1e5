package io.junction.kernel.config;

import io.junction.spi.ConfigException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Loads a LiteLLM proxy {@code config.yaml}, unchanged, into a {@link GatewayConfig}.
 * <p>
 * The sections are {@code model_list}, {@code router_settings}, {@code litellm_settings},
 * {@code general_settings} and {@code environment_variables}; all are optional. {@code environment_variables}
 * are applied first and take precedence over the process environment (LiteLLM copies them into
 * {@code os.environ}); then every {@code os.environ/NAME} value, at any depth, is replaced by the variable's
 * value. Keys Junction does not read produce one warning each in {@link GatewayConfig#warnings()}; configuration
 * that cannot work throws a {@link ConfigException} naming the key path, the value found and the fix.
 */
public final class ConfigLoader
{
    static final String ENVIRONMENT_VARIABLES = "environment_variables";

    private ConfigLoader() {}

    /**
     * @param environment the process environment ({@code System.getenv()}), read for {@code os.environ/NAME}
     */
    public static GatewayConfig load(Path file, Map<String, String> environment)
    {
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(environment, "environment is null");
        return parse(read(file), file.toString(), environment);
    }

    /**
     * @param sourceName where the text came from (a file name), for messages
     */
    public static GatewayConfig parse(String yaml, String sourceName, Map<String, String> environment)
    {
        Objects.requireNonNull(yaml, "yaml is null");
        Objects.requireNonNull(sourceName, "sourceName is null");
        Objects.requireNonNull(environment, "environment is null");

        Map<String, Object> document = YamlDocument.read(yaml, sourceName);
        List<String> warnings = new ArrayList<>();
        Set<String> ignoredPaths = new LinkedHashSet<>();
        checkKeys(document, warnings, ignoredPaths);

        Map<String, String> effectiveEnvironment = applyEnvironmentVariables(document.get(ENVIRONMENT_VARIABLES), environment, warnings);
        EnvironmentResolver resolver = new EnvironmentResolver(effectiveEnvironment, ignoredPaths, warnings);

        List<ModelDeployment> modelList = new ModelListParser(resolver, warnings).parse(document.get(ModelListParser.SECTION));
        Map<String, Object> router = section(SettingsParser.ROUTER, document, resolver);
        Map<String, Object> litellm = section(SettingsParser.LITELLM, document, resolver);
        Map<String, Object> general = section(SettingsParser.GENERAL, document, resolver);

        RouterSettings routerSettings = RouterSettingsParser.parse(router, litellm, effectiveEnvironment);
        warnAboutUnknownFallbacks(routerSettings.fallbacks(), modelList, warnings);
        return new GatewayConfig(
                modelList,
                routerSettings,
                SettingsParser.litellm(litellm),
                SettingsParser.general(general),
                warnings);
    }

    /**
     * A fallback to a group no deployment serves is skipped at run time, as LiteLLM would fail it; said once here
     * rather than refused, since LiteLLM configs may name groups kept in its database.
     */
    private static void warnAboutUnknownFallbacks(FallbackSettings fallbacks, List<ModelDeployment> modelList, List<String> warnings)
    {
        Set<String> groups = new HashSet<>();
        modelList.forEach(deployment -> groups.add(deployment.modelName()));
        for (String target : fallbacks.targets()) {
            if (!groups.contains(target)) {
                warnings.add("router_settings: the fallback model group '" + target + "' is not a model_name of any model_list entry; it is skipped");
            }
        }
    }

    private static String read(Path file)
    {
        try {
            if (Files.isDirectory(file)) {
                throw new ConfigException(file.toString(), "is a directory, not a file. Fix: pass the path of the config.yaml file itself.");
            }
            if (Files.size(file) > 4L * YamlDocument.MAX_CODE_POINTS) {
                throw new ConfigException(file.toString(), "is larger than " + (4 * YamlDocument.MAX_CODE_POINTS / (1024 * 1024))
                        + " MiB; it cannot be a config.yaml. Fix: check the path.");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), "does not exist (looked for " + file.toAbsolutePath()
                    + "). Fix: pass the path of an existing config.yaml, or create one with a model_list.");
        }
        catch (AccessDeniedException e) {
            throw new ConfigException(file.toString(), "cannot be read: permission denied. Fix: make the file readable by the user running Junction.");
        }
        catch (CharacterCodingException e) {
            throw new ConfigException(file.toString(), "is not UTF-8 text. Fix: save the file as UTF-8.");
        }
        catch (IOException e) {
            throw new ConfigException(file.toString(), "cannot be read: " + e.getMessage() + ". Fix: check the path and the file's permissions.");
        }
    }

    /** One warning per key Junction does not read, in file order; their paths are returned in ignoredPaths. */
    private static void checkKeys(Map<String, Object> document, List<String> warnings, Set<String> ignoredPaths)
    {
        KnownKeys.check(KnownKeys.TOP, "", document, warnings, ignoredPaths);
        if (document.get(ModelListParser.SECTION) instanceof List<?> entries) {
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i) instanceof Map<?, ?> entry) {
                    KnownKeys.check(KnownKeys.DEPLOYMENT, KeyPaths.index(ModelListParser.SECTION, i), stringKeyed(entry), warnings, ignoredPaths);
                }
            }
        }
        checkSection(document, SettingsParser.ROUTER, KnownKeys.ROUTER, warnings, ignoredPaths);
        checkSection(document, SettingsParser.LITELLM, KnownKeys.LITELLM, warnings, ignoredPaths);
        checkSection(document, SettingsParser.GENERAL, KnownKeys.GENERAL, warnings, ignoredPaths);
    }

    private static void checkSection(Map<String, Object> document, String name, KnownKeys.Section section, List<String> warnings, Set<String> ignoredPaths)
    {
        if (document.get(name) instanceof Map<?, ?> values) {
            KnownKeys.check(section, name, stringKeyed(values), warnings, ignoredPaths);
        }
    }

    /**
     * The process environment overlaid with {@code environment_variables}; a config value wins, as LiteLLM sets
     * {@code os.environ} from it. A value may itself be {@code os.environ/OTHER}.
     */
    private static Map<String, String> applyEnvironmentVariables(Object section, Map<String, String> environment, List<String> warnings)
    {
        Map<String, Object> variables = ConfigValues.mapping(ENVIRONMENT_VARIABLES, section, "environment_variables: with NAME: value lines indented below it");
        if (variables.isEmpty()) {
            return environment;
        }
        Map<String, String> effective = new HashMap<>(environment);
        EnvironmentResolver resolver = new EnvironmentResolver(effective, Set.of(), warnings);
        variables.forEach((name, value) -> {
            String path = KeyPaths.child(ENVIRONMENT_VARIABLES, name);
            if (value instanceof Map || value instanceof List) {
                throw ConfigValues.wrongType(path, value, "a single value", name + ": value");
            }
            Object resolved = resolver.resolve(path, value);
            // an empty entry (REDIS_PASSWORD:) sets nothing
            if (resolved != null) {
                effective.put(name, resolved.toString());
            }
        });
        return effective;
    }

    private static Map<String, Object> section(String name, Map<String, Object> document, EnvironmentResolver resolver)
    {
        Object written = document.get(name);
        ConfigValues.mapping(name, written, name + ": with key: value lines indented below it");
        return ConfigValues.mapping(name, resolver.resolve(name, written), "");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringKeyed(Map<?, ?> map)
    {
        // YamlDocument gives every mapping string keys
        return (Map<String, Object>) map;
    }
}
