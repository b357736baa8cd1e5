package io.junction.tck.validate;

import io.junction.kernel.Version;
import io.junction.kernel.plugin.ExtensionRegistry;
import io.junction.kernel.plugin.PluginHost;
import io.junction.kernel.plugin.PluginReport;
import io.junction.kernel.plugin.Registered;
import io.junction.spi.ExtensionFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Validates a plugin jar as the gateway would load it: the kernel's own plugin host loads it (same class loader
 * isolation, same manifest checks, same registry), then each extension it provides goes through its kit. Routing
 * strategies, caches and callbacks run every rule, with default settings; providers run the transport and
 * configuration rules, since their native format is known only to the plugin's own test.
 */
public final class PluginValidator
{
    private final List<CapabilityClaim> claims;
    private final Map<String, String> providerParams;

    /**
     * @param claims capabilities the user vouches for (rules of capabilities not claimed do not apply)
     * @param providerParams extra {@code litellm_params} for providers; {@code {base}} and {@code {api_key}} are replaced
     */
    public PluginValidator(List<CapabilityClaim> claims, Map<String, String> providerParams)
    {
        this.claims = List.copyOf(claims);
        this.providerParams = Map.copyOf(providerParams);
    }

    /**
     * @param plugin a plugin jar, or a folder of plugin jars (as the gateway's {@code plugins/} folder)
     */
    public ValidationReport validate(Path plugin)
    {
        Path absolute = plugin.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return validateFolder(absolute, absolute);
        }
        if (!Files.isRegularFile(absolute) || !absolute.getFileName().toString().endsWith(".jar")) {
            return new ValidationReport(absolute, List.of(), List.of(absolute + ": not a plugin jar (*.jar) or a folder of them"), List.of());
        }
        Path folder = null;
        try {
            // the host loads folders: give it one holding this jar alone
            folder = Files.createTempDirectory("junction-tck-validate-");
            Files.copy(absolute, folder.resolve(absolute.getFileName()));
            return validateFolder(folder, absolute);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a plugin folder for " + absolute, e);
        }
        finally {
            deleteQuietly(folder);
        }
    }

    private ValidationReport validateFolder(Path folder, Path shownAs)
    {
        try (PluginHost host = PluginHost.load(folder, Version.current())) {
            PluginReport loaded = host.report();
            List<ExtensionReport> reports = new ArrayList<>();
            for (Extension extension : extensions(host.registry())) {
                reports.add(new ExtensionReport(extension, run(extension)));
            }
            return new ValidationReport(shownAs, loaded.started(), loaded.failed(), reports);
        }
    }

    private List<RuleResult> run(Extension extension)
    {
        Set<String> claimed = new LinkedHashSet<>();
        claims.stream().filter(claim -> claim.appliesTo(extension)).forEach(claim -> claimed.add(claim.capability()));
        ValidationTarget target = new ValidationTarget(extension, claimed, providerParams, true);
        return switch (extension.kind()) {
            case PROVIDER -> KitRun.run(ValidatedProviderAdapter.class,
                    target.withCallsUpstream(ProviderProbe.callsUpstream(PluginFactories.provider(extension), target)));
            case ROUTING_STRATEGY -> KitRun.run(ValidatedRoutingStrategy.class, target);
            case CACHE -> KitRun.run(ValidatedResponseCache.class, target);
            case CALLBACK -> KitRun.run(ValidatedCallback.class, target);
        };
    }

    /** Every extension the registry holds, once each (a provider is registered under each of its prefixes). */
    static List<Extension> extensions(ExtensionRegistry registry)
    {
        List<Extension> extensions = new ArrayList<>();
        extensions.addAll(distinct(ExtensionKind.PROVIDER, registry.providerPrefixes(), registry::provider));
        extensions.addAll(distinct(ExtensionKind.ROUTING_STRATEGY, registry.strategyNames(), registry::strategy));
        extensions.addAll(distinct(ExtensionKind.CACHE, registry.cacheTypes(), registry::cache));
        extensions.addAll(distinct(ExtensionKind.CALLBACK, registry.callbackNames(), registry::callback));
        return extensions;
    }

    private static <F extends ExtensionFactory> List<Extension> distinct(ExtensionKind kind, Set<String> names,
            Function<String, Optional<Registered<F>>> lookup)
    {
        // by identity: one factory registered under several prefixes is one extension
        Map<Object, Extension> byFactory = new LinkedHashMap<>();
        for (String name : names) {
            lookup.apply(name).ifPresent(registered -> byFactory.computeIfAbsent(new Identity(registered.factory()),
                    ignored -> new Extension(kind, registered.factory().name(), registered.pluginId(), registered.factory(), registered.classLoader())));
        }
        List<Extension> extensions = new ArrayList<>(byFactory.values());
        extensions.sort(Comparator.comparing(Extension::name));
        return extensions;
    }

    private record Identity(Object object)
    {
        @Override
        public boolean equals(Object other)
        {
            return other instanceof Identity identity && identity.object == object;
        }

        @Override
        public int hashCode()
        {
            return System.identityHashCode(object);
        }
    }

    private static void deleteQuietly(Path folder)
    {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
        catch (IOException ignored) {
            // a temporary folder left behind is not worth failing a validation for
        }
    }

    @Override
    public String toString()
    {
        return "PluginValidator[claims=" + claims + ", providerParams=" + providerParams.keySet() + "]";
    }
}
