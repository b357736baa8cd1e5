package io.junction.spi;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigViewTest
{
    private final ConfigView view = new ConfigView("model_list[0].litellm_params", Map.of(
            "rpm", "60", "tpm", 1000, "timeout", 1.5, "stream", "yes", "api_key", "sk-secret-value", "bad", "fast",
            "nested", Map.of("a", 1), "tags", List.of("x", "y")));

    @Test
    void convertsYamlValues()
    {
        assertEquals(60L, view.integer("rpm").orElseThrow());
        assertEquals(1000L, view.integer("tpm").orElseThrow());
        assertEquals(Duration.ofMillis(1500), view.seconds("timeout").orElseThrow());
        assertTrue(view.bool("stream").orElseThrow());
        assertEquals(List.of("x", "y"), view.stringList("tags"));
        assertEquals("model_list[0].litellm_params.nested", view.section("nested").orElseThrow().path());
        assertTrue(view.integer("missing").isEmpty());
    }

    @Test
    void wrongTypesNameTheKeyAndTheValue()
    {
        ConfigException error = assertThrows(ConfigException.class, () -> view.integer("bad"));
        assertEquals("model_list[0].litellm_params.bad", error.key());
        assertTrue(error.getMessage().contains("'fast'") && error.getMessage().contains("whole number"), error.getMessage());
        ConfigException missing = assertThrows(ConfigException.class, () -> view.requireString("api_base"));
        assertTrue(missing.getMessage().contains("model_list[0].litellm_params.api_base"), missing.getMessage());
    }

    @Test
    void secretsNeverShowTheirValue()
    {
        Secret secret = view.secret("api_key").orElseThrow();
        assertEquals("sk-secret-value", secret.reveal());
        assertEquals(Secret.MASK, secret.toString());
        assertFalse(String.valueOf(new ConfigView("p", Map.of("api_key", Map.of("x", "sk-inner")))).contains("sk-inner"));
        ConfigException error = assertThrows(ConfigException.class, () -> new ConfigView("p", Map.of("api_key", List.of("sk-listed"))).secret("api_key"));
        assertFalse(error.getMessage().contains("sk-listed"), error.getMessage());
    }
}
