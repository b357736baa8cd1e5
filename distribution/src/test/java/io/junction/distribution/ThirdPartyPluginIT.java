package io.junction.distribution;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.junction.tck.kit.PluginJarBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plugin written by someone else, built outside this reactor against nothing but the SPI jar the distribution
 * ships, and dropped into a plugins folder: the way a third party extends Junction.
 */
class ThirdPartyPluginIT
{
    private static final String ECHO_PLUGIN_SOURCE = """
            package com.acme;

            import io.junction.spi.JunctionPlugin;
            import io.junction.spi.provider.DeploymentSpec;
            import io.junction.spi.provider.Endpoint;
            import io.junction.spi.provider.JsonStrings;
            import io.junction.spi.provider.ProviderAdapter;
            import io.junction.spi.provider.ProviderAdapterFactory;
            import io.junction.spi.provider.ProviderContext;
            import io.junction.spi.provider.ProviderResponse;
            import io.junction.spi.provider.Usage;

            import java.nio.charset.StandardCharsets;
            import java.util.List;
            import java.util.Set;

            public class EchoPlugin implements JunctionPlugin
            {
                @Override
                public List<ProviderAdapterFactory> providerAdapterFactories()
                {
                    return List.of(new EchoFactory());
                }

                static final class EchoFactory implements ProviderAdapterFactory
                {
                    @Override
                    public String name()
                    {
                        return "acme-echo";
                    }

                    @Override
                    public Set<String> modelPrefixes()
                    {
                        return Set.of("acme");
                    }

                    @Override
                    public Set<Endpoint> endpoints()
                    {
                        return Set.of(Endpoint.CHAT_COMPLETIONS);
                    }

                    @Override
                    public boolean streams()
                    {
                        return false;
                    }

                    @Override
                    public ProviderAdapter create(DeploymentSpec deployment, ProviderContext context)
                    {
                        return request -> {
                            String body = "{\\"id\\":\\"chatcmpl-acme-echo\\",\\"object\\":\\"chat.completion\\",\\"created\\":1700000000,"
                                    + "\\"model\\":" + JsonStrings.quote(deployment.model()) + ","
                                    + "\\"choices\\":[{\\"index\\":0,\\"message\\":{\\"role\\":\\"assistant\\",\\"content\\":"
                                    + JsonStrings.quote("acme echo for " + request.modelGroup()) + "},\\"finish_reason\\":\\"stop\\"}],"
                                    + "\\"usage\\":{\\"prompt_tokens\\":1,\\"completion_tokens\\":4,\\"total_tokens\\":5}}";
                            return new ProviderResponse.Complete(body.getBytes(StandardCharsets.UTF_8), Usage.of(1, 4));
                        };
                    }
                }
            }
            """;

    @Test
    void servesAModelThroughAPluginCompiledAgainstTheShippedSpiOnly()
            throws IOException
    {
        Path work = Distribution.newWorkDirectory("third-party-plugin");
        Path sources = work.resolve("src");
        PluginJarBuilder.writeSource(sources, "com.acme.EchoPlugin", ECHO_PLUGIN_SOURCE);
        Path classes = PluginJarBuilder.compile(sources, List.of(Distribution.shippedSpiJar()), work.resolve("classes"));
        Path plugins = copyOfShippedPlugins(work);
        PluginJarBuilder.plugin("acme-echo", "com.acme.EchoPlugin").classes(classes).writeTo(plugins.resolve("acme-echo-1.0.0.jar"));
        Path config = Files.writeString(work.resolve("config.yaml"), """
                model_list:
                  - model_name: echo-group
                    litellm_params:
                      model: acme/anything
                """);

        try (JunctionProcess gateway = JunctionProcess.builder(Distribution.home())
                .config(config)
                .plugins(plugins)
                .logFile(work.resolve("junction.log"))
                .start()) {
            ChatCompletion completion = chat(gateway, "echo-group");

            assertEquals("acme echo for echo-group", completion.choices().getFirst().message().content().orElseThrow());
        }
    }

    @Test
    void startsWithOurPluginsWhenAThirdPartyPluginClassIsMissing()
            throws IOException
    {
        Path work = Distribution.newWorkDirectory("broken-plugin");
        Path plugins = copyOfShippedPlugins(work);
        PluginJarBuilder.plugin("acme-broken", "com.acme.DoesNotExist").writeTo(plugins.resolve("acme-broken-1.0.0.jar"));

        try (JunctionProcess gateway = JunctionProcess.builder(Distribution.home())
                .plugins(plugins)
                .logFile(work.resolve("junction.log"))
                .start()) {
            // the mock provider lives in our providers plugin: it still loaded
            ChatCompletion completion = chat(gateway, "junction-mock");

            assertTrue(completion.choices().getFirst().message().content().isPresent());
            String log = gateway.log();
            assertAll(
                    () -> assertTrue(log.contains("acme-broken"), "the log must name the broken plugin:\n" + log),
                    () -> assertTrue(log.contains("com.acme.DoesNotExist"), "the log must name the missing class:\n" + log));
        }
    }

    private static ChatCompletion chat(JunctionProcess gateway, String model)
    {
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl(gateway.openAiBaseUrl())
                .apiKey("no-key-is-configured")
                .maxRetries(0)
                .build();
        try {
            return client.chat().completions().create(ChatCompletionCreateParams.builder()
                    .model(model)
                    .addUserMessage("Who answers?")
                    .build());
        }
        finally {
            client.close();
        }
    }

    private static Path copyOfShippedPlugins(Path work)
            throws IOException
    {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        try (Stream<Path> shipped = Files.list(Distribution.home().resolve("plugins"))) {
            for (Path jar : shipped.toList()) {
                Files.copy(jar, plugins.resolve(jar.getFileName()));
            }
        }
        return plugins;
    }
}
