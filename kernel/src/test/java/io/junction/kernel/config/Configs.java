package io.junction.kernel.config;

import io.junction.spi.ConfigException;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Shortcuts for tests: parse YAML text as config.yaml with a given environment. */
final class Configs
{
    static final String SOURCE = "config.yaml";

    private Configs() {}

    static GatewayConfig parse(String yaml)
    {
        return parse(yaml, Map.of());
    }

    static GatewayConfig parse(String yaml, Map<String, String> environment)
    {
        return ConfigLoader.parse(yaml, SOURCE, environment);
    }

    static ConfigException parseFails(String yaml)
    {
        return parseFails(yaml, Map.of());
    }

    static ConfigException parseFails(String yaml, Map<String, String> environment)
    {
        return assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, SOURCE, environment));
    }

    static Path resource(String name)
    {
        try {
            return Path.of(Configs.class.getResource("/config/" + name).toURI());
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
