package io.junction.tck.bench.gateway;

import io.junction.kernel.config.ConfigLoader;
import io.junction.kernel.config.GatewayConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatewayConfigsTest
{
    private static final Map<String, String> VALUES = Map.of("upstream", "http://127.0.0.1:19400", "master_key", "sk-1234",
            "redis_host", "127.0.0.1", "redis_port", "6379", "rpm_a", "600", "rpm_b", "300", "rpm_shared", "300");

    @Test
    void everyTemplateRendersToAConfigTheKernelAccepts()
    {
        for (String template : List.of("default", "prometheus", "cache", "rate-limited", "shared-rpm")) {
            String yaml = GatewayConfigs.render(GatewayConfigs.template(template), VALUES);
            assertFalse(yaml.contains("{{"), template);
            GatewayConfig config = ConfigLoader.parse(yaml, template, Map.of());
            assertTrue(config.modelList().stream().allMatch(deployment -> deployment.modelName().equals("fake-openai-endpoint")), template);
        }
        String rateLimited = GatewayConfigs.render(GatewayConfigs.template("rate-limited"), VALUES);
        assertTrue(rateLimited.contains("api_base: http://127.0.0.1:19400/d/quota-a/v1"), rateLimited);
        assertTrue(rateLimited.contains("rpm: 300"), rateLimited);
        assertEquals(2, ConfigLoader.parse(rateLimited, "rate-limited", Map.of()).modelList().size());
        assertTrue(ConfigLoader.parse(GatewayConfigs.render(GatewayConfigs.template("cache"), VALUES), "cache", Map.of()).litellmSettings().cacheEnabled());
    }

    @Test
    void aPlaceholderWithoutAValueIsNamed()
    {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> GatewayConfigs.render("api_base: {{upstrem}}/v1", VALUES));
        assertTrue(missing.getMessage().contains("{{upstrem}}"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GatewayConfigs.template("no-such-template"));
    }

    @Test
    void nginxProxiesChatCompletionsToTheUpstreamBasePath()
    {
        String config = NginxBaseline.config(Path.of("/tmp/run/nginx"), 19080, URI.create("http://127.0.0.1:19400/v1"));
        assertTrue(config.contains("server 127.0.0.1:19400;"), config);
        assertTrue(config.contains("listen 127.0.0.1:19080"), config);
        assertTrue(config.contains("proxy_pass http://llm/v1$1;"), config);
        assertTrue(config.contains("daemon off;"), config);
    }
}
