package io.junction.plugins.cache.local;

import io.junction.spi.ConfigException;
import io.junction.spi.ConfigView;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalCacheSettingsTest
{
    private static final String PATH = "litellm_settings.cache_params";

    @Test
    void defaultsFollowTheBrief()
    {
        LocalCacheSettings settings = LocalCacheSettings.from(new ConfigView(PATH, Map.of("type", "local")));

        assertEquals(Duration.ofSeconds(600), settings.defaultTtl());
        assertEquals(10_000, settings.maxEntries());
    }

    @Test
    void readsLiteLlmNamesAsYamlWritesThem()
    {
        LocalCacheSettings settings = LocalCacheSettings.from(new ConfigView(PATH, Map.of("ttl", "1.5", "max_size_in_memory", "200")));

        assertEquals(Duration.ofMillis(1500), settings.defaultTtl());
        assertEquals(200, settings.maxEntries());
    }

    @Test
    void negativeTtlIsRefusedNamingTheKey()
    {
        assertRefused(Map.of("ttl", -1), "ttl", "-1");
    }

    @Test
    void zeroTtlIsRefusedNamingTheKey()
    {
        assertRefused(Map.of("ttl", 0), "ttl", "0");
    }

    @Test
    void nonNumericMaxSizeIsRefusedNamingTheKey()
    {
        assertRefused(Map.of("max_size_in_memory", "abc"), "max_size_in_memory", "abc");
    }

    @Test
    void zeroMaxSizeIsRefusedNamingTheKey()
    {
        assertRefused(Map.of("max_size_in_memory", 0), "max_size_in_memory", "0");
    }

    private static void assertRefused(Map<String, ?> params, String key, String value)
    {
        ConfigException error = assertThrows(ConfigException.class, () -> LocalCacheSettings.from(new ConfigView(PATH, params)));

        assertEquals(PATH + "." + key, error.key());
        assertTrue(error.getMessage().contains(PATH + "." + key), error.getMessage());
        assertTrue(error.getMessage().contains(value), error.getMessage());
    }
}
