package io.junction.tck.validate;

import io.junction.spi.ConfigView;
import io.junction.spi.JunctionPlugin;
import io.junction.spi.routing.RoutingContext;
import io.junction.spi.routing.RoutingStrategy;
import io.junction.spi.routing.RoutingStrategyFactory;
import io.junction.tck.cache.ReferenceCachePlugin;
import io.junction.tck.callback.ReferenceCallbackPlugin;
import io.junction.tck.kit.PluginJarBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The validator on caches, callbacks and providers loaded by the real plugin host. */
class PluginValidatorTest
{
    private static final String HTTP_PROVIDER = """
            package com.example.provider;

            import io.junction.spi.ErrorKind;
            import io.junction.spi.JunctionPlugin;
            import io.junction.spi.Secret;
            import io.junction.spi.provider.DeploymentSpec;
            import io.junction.spi.provider.Endpoint;
            import io.junction.spi.provider.ProviderAdapter;
            import io.junction.spi.provider.ProviderAdapterFactory;
            import io.junction.spi.provider.ProviderContext;
            import io.junction.spi.provider.ProviderException;
            import io.junction.spi.provider.ProviderResponse;
            import io.junction.spi.provider.UpstreamRequest;
            import io.junction.spi.provider.UpstreamResponse;
            import io.junction.spi.provider.Usage;

            import java.net.URI;
            import java.util.List;
            import java.util.Map;
            import java.util.Set;

            /** Forwards chat requests to {api_base}/chat and passes the answer on: enough for the transport rules. */
            public class ForwardingPlugin implements JunctionPlugin
            {
                @Override
                public List<ProviderAdapterFactory> providerAdapterFactories()
                {
                    return List.of(new ProviderAdapterFactory()
                    {
                        @Override
                        public String name()
                        {
                            return "forwarding";
                        }

                        @Override
                        public Set<String> modelPrefixes()
                        {
                            return Set.of("forwarding");
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
                            URI uri = URI.create(deployment.params().requireString("api_base") + "/chat");
                            Secret key = deployment.params().secret("api_key").orElse(new Secret(""));
                            return request -> {
                                UpstreamResponse response = context.upstream().send(UpstreamRequest.postJson(uri,
                                        Map.of("authorization", "Bearer " + key.reveal()), request.bodyWithModel(deployment.model()), deployment.timeouts()));
                                if (!response.successful()) {
                                    throw new ProviderException(ErrorKind.fromHttpStatus(response.status()), "forwarding upstream returned HTTP " + response.status());
                                }
                                return new ProviderResponse.Complete(response.body(), Usage.UNKNOWN);
                            };
                        }
                    });
                }
            }
            """;

    @TempDir
    Path work;

    @Test
    void validatesCachesCallbacksAndProvidersOfAPluginsFolder()
            throws IOException
    {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        jarOfTestClasses(plugins.resolve("tck-memory-1.0.0.jar"), "tck-memory", ReferenceCachePlugin.class.getName(), "io/junction/tck/cache/ReferenceCache");
        jarOfTestClasses(plugins.resolve("tck-recorder-1.0.0.jar"), "tck-recorder", ReferenceCallbackPlugin.class.getName(),
                "io/junction/tck/callback/ReferenceCallback");
        Path sources = work.resolve("provider-src");
        PluginJarBuilder.writeSource(sources, "com.example.provider.ForwardingPlugin", HTTP_PROVIDER);
        Path classes = PluginJarBuilder.compile(sources, List.of(PluginJarBuilder.locationOf(JunctionPlugin.class)), work.resolve("provider-classes"));
        PluginJarBuilder.plugin("forwarding", "com.example.provider.ForwardingPlugin").classes(classes).writeTo(plugins.resolve("forwarding-1.0.0.jar"));

        ValidationReport report = new PluginValidator(List.of(), Map.of()).validate(plugins);

        assertEquals(ValidationReport.PASSED, report.exitCode(), report::toString);
        assertEquals(List.of("cache 'tck-memory' of plugin tck-memory", "callback 'tck-recorder' of plugin tck-recorder",
                "provider adapter 'forwarding' of plugin forwarding"), report.extensions().stream().map(e -> e.extension().describe()).sorted().toList());
        assertEquals(RuleResult.Status.PASSED, status(report, "tck-memory", "C6"));
        assertEquals(RuleResult.Status.PASSED, status(report, "tck-recorder", "CB7"));
        assertEquals(RuleResult.Status.NOT_APPLICABLE, status(report, "tck-recorder", "CB8"));
        assertEquals(RuleResult.Status.PASSED, status(report, "forwarding", "P15"));
        assertEquals(RuleResult.Status.PASSED, status(report, "forwarding", "P16"));
        assertEquals(RuleResult.Status.NEEDS_OWN_TEST, status(report, "forwarding", "P1"));
    }

    @Test
    void aCacheThatIgnoresTtlFailsC6()
            throws IOException
    {
        Path jar = jarOfTestClasses(work.resolve("forgetful-1.0.0.jar"), "forgetful", ReferenceCachePlugin.IgnoringTtl.class.getName(),
                "io/junction/tck/cache/ReferenceCache");

        ValidationReport report = new PluginValidator(List.of(), Map.of()).validate(jar);

        assertEquals(ValidationReport.RULE_FAILED, report.exitCode());
        RuleResult c6 = report.extensions().getFirst().results().stream().filter(result -> result.rule().equals("C6")).findFirst().orElseThrow();
        assertEquals(RuleResult.Status.FAILED, c6.status());
        assertTrue(c6.message().contains("must miss 11 s later"), c6.message());
    }

    @Test
    void claimedCapabilitiesReachOnlyTheKindThatKnowsThem()
    {
        CapabilityClaim fair = CapabilityClaim.parse("fair");
        CapabilityClaim aimed = CapabilityClaim.parse("my-strategy:learns-from-outcomes");
        RoutingStrategyFactory factory = new RoutingStrategyFactory()
        {
            @Override
            public String name()
            {
                return "my-strategy";
            }

            @Override
            public RoutingStrategy create(ConfigView settings, RoutingContext context)
            {
                return (request, candidates) -> candidates.stream().findFirst();
            }
        };
        Extension strategy = new Extension(ExtensionKind.ROUTING_STRATEGY, "my-strategy", "p", factory, getClass().getClassLoader());
        Extension cache = new Extension(ExtensionKind.CACHE, "my-strategy", "p", factory, getClass().getClassLoader());

        assertTrue(fair.appliesTo(strategy));
        assertTrue(aimed.appliesTo(strategy));
        assertFalse(fair.appliesTo(cache), "a cache has no FAIR rule");
        assertFalse(CapabilityClaim.parse("other-strategy:FAIR").appliesTo(strategy));
        assertEquals("LEARNS_FROM_OUTCOMES", aimed.capability());
    }

    private static RuleResult.Status status(ValidationReport report, String extension, String rule)
    {
        return report.extensions().stream().filter(e -> e.extension().name().equals(extension)).findFirst().orElseThrow()
                .results().stream().filter(result -> result.rule().equals(rule)).findFirst().orElseThrow().status();
    }

    /** A plugin jar of this module's own test classes: those whose path starts with {@code prefix}, and the entry class. */
    private static Path jarOfTestClasses(Path jar, String pluginId, String pluginClass, String prefix)
            throws IOException
    {
        String entryPath = pluginClass.replace('.', '/').replaceAll("\\$.*", "");
        return PluginJarBuilder.plugin(pluginId, pluginClass)
                .classes(PluginJarBuilder.locationOf(PluginValidatorTest.class), entry -> entry.startsWith(prefix) || entry.startsWith(entryPath))
                .writeTo(jar);
    }
}
