package io.junction.kernel;

import io.junction.kernel.cache.ResponseCacheLayer;
import io.junction.kernel.callback.CallbackDispatcher;
import io.junction.kernel.config.GatewayConfig;
import io.junction.kernel.config.ModelDeployment;
import io.junction.kernel.config.RedisSettings;
import io.junction.kernel.config.RouterSettings;
import io.junction.kernel.http.GatewayHandler;
import io.junction.kernel.http.MasterKeyAuth;
import io.junction.kernel.http.OpenAiErrorHandler;
import io.junction.kernel.plugin.ExtensionRegistry;
import io.junction.kernel.plugin.GuardedProviderAdapter;
import io.junction.kernel.plugin.GuardedResponseCache;
import io.junction.kernel.plugin.GuardedRoutingStrategy;
import io.junction.kernel.plugin.PluginFaults;
import io.junction.kernel.plugin.PluginHost;
import io.junction.kernel.plugin.Registered;
import io.junction.kernel.router.DeploymentRuntime;
import io.junction.kernel.router.FleetState;
import io.junction.kernel.router.ModelGroup;
import io.junction.kernel.router.Router;
import io.junction.kernel.router.Sleeper;
import io.junction.kernel.router.shared.RedisStore;
import io.junction.kernel.upstream.JettyUpstreamClient;
import io.junction.spi.ConfigException;
import io.junction.spi.cache.CacheContext;
import io.junction.spi.cache.CacheFactory;
import io.junction.spi.callback.Callback;
import io.junction.spi.callback.CallbackContext;
import io.junction.spi.callback.CallbackFactory;
import io.junction.spi.callback.HttpRoute;
import io.junction.spi.callback.LiveDeployment;
import io.junction.spi.provider.DeploymentSpec;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.provider.ProviderAdapterFactory;
import io.junction.spi.provider.ProviderContext;
import io.junction.spi.provider.UpstreamTimeouts;
import io.junction.spi.routing.RoutingContext;
import io.junction.spi.routing.RoutingStrategy;
import io.junction.spi.routing.RoutingStrategyFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * A running gateway: plugins loaded, every deployment's adapter created, the router, cache and callbacks wired, and
 * Jetty serving on virtual threads. {@link #close()} shuts down gracefully: readiness turns 503, new connections are
 * refused, in-flight requests and streams get the grace period to finish, then callbacks flush and plugins stop.
 */
public final class Gateway
        implements AutoCloseable
{
    private static final Logger log = LoggerFactory.getLogger(Gateway.class);
    private static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(600);
    private static final long IDLE_TIMEOUT_MILLIS = Duration.ofMinutes(10).toMillis();

    private final PluginHost plugins;
    private final PluginFaults faults = new PluginFaults();
    private final JettyUpstreamClient upstream;
    private final List<ProviderAdapter> adapters = new ArrayList<>();
    private final CallbackDispatcher callbacks;
    private final Optional<ResponseCacheLayer> cache;
    private final Server server;
    private final GatewayHandler handler;
    private final ServerConnector connector;
    private Router router;

    private Gateway(GatewayConfig config, ServerSettings settings, InstantSource clock)
    {
        config.warnings().forEach(warning -> log.warn("Config: {}", warning));
        plugins = PluginHost.load(settings.pluginsDirectory(), Version.current());
        ExtensionRegistry registry = plugins.registry();
        upstream = new JettyUpstreamClient(UpstreamTimeouts.DEFAULT);
        try {
            router = new Router(modelGroups(config, registry, clock), routingStrategy(config, registry, clock), config.routerSettings(),
                    fleetState(config.routerSettings(), clock), clock, () -> ThreadLocalRandom.current().nextLong(), Sleeper.THREAD);
            callbacks = new CallbackDispatcher(faults, CallbackDispatcher.DEFAULT_QUEUE_CAPACITY);
            Map<String, HttpRoute> routes = startCallbacks(config, registry, router, clock);
            cache = responseCache(config, registry, clock);
            MasterKeyAuth auth = new MasterKeyAuth(config.generalSettings().masterKey());
            if (!auth.enabled()) {
                log.warn("No general_settings.master_key is set: every caller can use this gateway.");
            }
            handler = new GatewayHandler(router, auth, cache, callbacks, routes, () -> readiness(router), clock,
                    config.generalSettings().maxRequestBodyBytes(), settings.streamKeepAlive());
            server = newServer(settings, handler);
            connector = (ServerConnector) server.getConnectors()[0];
            server.start();
        }
        catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
        catch (Exception e) {
            closeQuietly();
            throw new IllegalStateException("cannot start the HTTP server on " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
        log.info("Junction {} listening on http://{}:{} with {} model group(s)", Version.current(), settings.host(), port(), router.groups().size());
    }

    public static Gateway start(GatewayConfig config, ServerSettings settings)
    {
        return new Gateway(config, settings, InstantSource.system());
    }

    /** With a given clock: rpm windows, cooldowns and retry budgets follow it (tests move it by hand). */
    public static Gateway start(GatewayConfig config, ServerSettings settings, InstantSource clock)
    {
        return new Gateway(config, settings, clock);
    }

    /** The port actually bound (useful when the settings asked for 0). */
    public int port()
    {
        return connector.getLocalPort();
    }

    private Map<String, ModelGroup> modelGroups(GatewayConfig config, ExtensionRegistry registry, InstantSource clock)
    {
        ProviderContext context = new ProviderContext(upstream, clock, config.litellmSettings().dropParams());
        Map<String, List<DeploymentRuntime>> byGroup = new LinkedHashMap<>();
        List<ModelDeployment> modelList = config.modelList();
        for (int i = 0; i < modelList.size(); i++) {
            ModelDeployment deployment = modelList.get(i);
            String key = "model_list[" + i + "].litellm_params.model";
            Registered<ProviderAdapterFactory> provider = registry.provider(deployment.provider()).orElseThrow(() -> new ConfigException(key,
                    "no loaded plugin serves provider '" + deployment.provider() + "'. Loaded providers: " + registry.providerPrefixes()
                            + ". Fix: use one of those prefixes, or add the plugin jar that provides it to the plugins folder."));
            DeploymentSpec spec = new DeploymentSpec(deployment.id(), deployment.modelName(), deployment.provider(), deployment.model(),
                    deployment.litellmParams(), timeouts(config, deployment));
            ProviderAdapter adapter = createAdapter(key, provider, spec, context);
            adapters.add(adapter);
            ProviderAdapterFactory factory = provider.factory();
            byGroup.computeIfAbsent(deployment.modelName(), name -> new ArrayList<>())
                    .add(new DeploymentRuntime(deployment, new GuardedProviderAdapter(provider.pluginId(), adapter, faults), provider.pluginId(),
                            factory.endpoints(), factory.streams(), clock));
        }
        Map<String, ModelGroup> groups = new LinkedHashMap<>();
        byGroup.forEach((name, deployments) -> groups.put(name, new ModelGroup(name, deployments)));
        return groups;
    }

    /** Limits and cooldowns shared by the fleet through Redis when router_settings names one, else this instance's own. */
    private static FleetState fleetState(RouterSettings settings, InstantSource clock)
    {
        if (settings.redis().isEmpty()) {
            return FleetState.local(clock);
        }
        RedisSettings redis = settings.redis().get();
        log.info("Router limits, cooldowns and load figures are shared through Redis at {} (keys {}:*)", redis.location(), redis.keyPrefix());
        return FleetState.shared(RedisStore.create(redis), redis.commandTimeout(), redis.fallbackFraction(), clock);
    }

    private static ProviderAdapter createAdapter(String key, Registered<ProviderAdapterFactory> provider, DeploymentSpec spec, ProviderContext context)
    {
        try {
            ProviderAdapter adapter = PluginHost.withContextClassLoader(provider.classLoader(), () -> provider.factory().create(spec, context));
            if (adapter == null) {
                throw new ConfigException(key, "the provider plugin '" + provider.pluginId() + "' created no adapter for this deployment.");
            }
            return adapter;
        }
        catch (ConfigException e) {
            throw e;
        }
        catch (RuntimeException | LinkageError e) {
            throw new ConfigException(key, "the provider plugin '" + provider.pluginId() + "' cannot serve this deployment: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /**
     * LiteLLM's {@code timeout} (total, per deployment, else router or litellm settings) and {@code stream_timeout}
     * (time to the first byte), plus Junction's {@code connect_timeout} and {@code stream_idle_timeout} (the longest
     * gap between two chunks of a stream), all in seconds on the deployment's {@code litellm_params}.
     */
    private static UpstreamTimeouts timeouts(GatewayConfig config, ModelDeployment deployment)
    {
        Optional<Duration> total = deployment.timeout()
                .or(() -> config.routerSettings().timeout())
                .or(() -> config.litellmSettings().requestTimeout());
        UpstreamTimeouts timeouts = total.filter(Gateway::positive).map(UpstreamTimeouts.DEFAULT::withTotal).orElse(UpstreamTimeouts.DEFAULT);
        Duration connect = deployment.litellmParams().seconds("connect_timeout").filter(Gateway::positive).orElse(timeouts.connect());
        Duration firstByte = deployment.streamTimeout().filter(Gateway::positive).orElse(timeouts.firstByte());
        Duration idle = deployment.litellmParams().seconds("stream_idle_timeout").filter(Gateway::positive).orElse(timeouts.idle());
        return new UpstreamTimeouts(connect, firstByte, idle, timeouts.total());
    }

    private static boolean positive(Duration duration)
    {
        return !duration.isZero() && !duration.isNegative();
    }

    private RoutingStrategy routingStrategy(GatewayConfig config, ExtensionRegistry registry, InstantSource clock)
    {
        // shared by every request thread: lock-free, one generator per thread underneath
        RandomGenerator random = () -> ThreadLocalRandom.current().nextLong();
        RoutingContext context = new RoutingContext(random, clock);
        String name = config.routerSettings().routingStrategy();
        Optional<Registered<RoutingStrategyFactory>> strategy = registry.strategy(name);
        if (strategy.isEmpty()) {
            // LiteLLM's own default, which honours weight, rpm and tpm, is the closest stand-in
            strategy = registry.strategy(RouterSettings.DEFAULT_ROUTING_STRATEGY);
            log.warn("Config: router_settings.routing_strategy '{}' is not provided by any loaded plugin (available: {}); using {} instead",
                    name, registry.strategyNames(), strategy.isPresent() ? RouterSettings.DEFAULT_ROUTING_STRATEGY : "a uniform random choice");
        }
        if (strategy.isEmpty()) {
            return (request, candidates) -> Optional.of(candidates.get(random.nextInt(candidates.size())));
        }
        Registered<RoutingStrategyFactory> registered = strategy.get();
        RoutingStrategy created = PluginHost.withContextClassLoader(registered.classLoader(),
                () -> registered.factory().create(config.routerSettings().raw(), context));
        return new GuardedRoutingStrategy(registered.pluginId(), created, faults, random);
    }

    private Map<String, HttpRoute> startCallbacks(GatewayConfig config, ExtensionRegistry registry, Router router, InstantSource clock)
    {
        CallbackContext context = new CallbackContext(() -> liveDeployments(router), () -> gatewayCounters(router), clock);
        Map<String, HttpRoute> routes = new LinkedHashMap<>();
        for (String name : config.litellmSettings().callbacks()) {
            Optional<Registered<CallbackFactory>> factory = registry.callback(name);
            if (factory.isEmpty()) {
                log.warn("Config: litellm_settings.callbacks '{}' is not provided by any loaded plugin (available: {}); it is ignored",
                        name, registry.callbackNames());
                continue;
            }
            Registered<CallbackFactory> registered = factory.get();
            Callback callback = PluginHost.withContextClassLoader(registered.classLoader(),
                    () -> registered.factory().create(config.litellmSettings().raw(), context));
            callbacks.add(name, registered.pluginId(), callback);
            for (HttpRoute route : callback.routes()) {
                if (routes.putIfAbsent(route.path(), route) != null) {
                    log.warn("Callbacks both serve {}; keeping the first", route.path());
                }
            }
        }
        return routes;
    }

    private Optional<ResponseCacheLayer> responseCache(GatewayConfig config, ExtensionRegistry registry, InstantSource clock)
    {
        if (!config.litellmSettings().cacheEnabled()) {
            return Optional.empty();
        }
        String type = config.litellmSettings().cacheType();
        Optional<Registered<CacheFactory>> factory = registry.cache(type);
        if (factory.isEmpty()) {
            log.warn("Config: litellm_settings.cache_params.type '{}' is not provided by any loaded plugin (available: {}); caching is off",
                    type, registry.cacheTypes());
            return Optional.empty();
        }
        Registered<CacheFactory> registered = factory.get();
        var params = config.litellmSettings().cacheParams();
        var created = PluginHost.withContextClassLoader(registered.classLoader(), () -> registered.factory().create(params, new CacheContext(clock)));
        Duration ttl = params.seconds("ttl").filter(duration -> !duration.isZero()).orElse(DEFAULT_CACHE_TTL);
        return Optional.of(new ResponseCacheLayer(new GuardedResponseCache(registered.pluginId(), created, faults), ttl));
    }

    private static Map<String, Long> gatewayCounters(Router router)
    {
        Map<String, Long> counters = new LinkedHashMap<>(router.counters().snapshot());
        counters.putAll(router.fleet().counters());
        return counters;
    }

    private static List<LiveDeployment> liveDeployments(Router router)
    {
        List<LiveDeployment> live = new ArrayList<>();
        for (ModelGroup group : router.groups()) {
            for (DeploymentRuntime deployment : group.deployments()) {
                live.add(new LiveDeployment(deployment.id(), group.name(), deployment.inFlight()));
            }
        }
        return live;
    }

    private Map<String, Object> readiness(Router router)
    {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("junction_version", Version.current());
        status.put("model_groups", router.groups().size());
        status.put("plugins", plugins.report().started());
        status.put("failed_plugins", plugins.report().failed());
        status.put("plugin_faults", faults.snapshot());
        status.put("callback_events_dropped", callbacks.dropped());
        status.put("cache", cache.isPresent() ? "enabled" : "disabled");
        status.put("cache_writes_skipped", cache.map(ResponseCacheLayer::skippedWrites).orElse(0L));
        status.put("shared_state", router.fleet().status());
        status.put("router", router.counters().snapshot());
        return status;
    }

    private static Server newServer(ServerSettings settings, GatewayHandler handler)
    {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("junction");
        // blocking handlers run on virtual threads: one per request, cheap to park while the upstream answers
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        // a non-streamed completion may legitimately keep a connection silent for minutes
        connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
        connector.setAcceptQueueSize(1024);
        server.addConnector(connector);
        server.setHandler(new GracefulHandler(handler));
        server.setErrorHandler(new OpenAiErrorHandler());
        server.setStopTimeout(settings.shutdownGrace().toMillis());
        server.setStopAtShutdown(false);
        return server;
    }

    @Override
    public void close()
    {
        log.info("Shutting down: finishing in-flight requests");
        handler.shuttingDown();
        try {
            server.stop();
        }
        catch (Exception e) {
            log.warn("The HTTP server did not stop cleanly", e);
        }
        closeQuietly();
        log.info("Stopped");
    }

    private void closeQuietly()
    {
        if (router != null) {
            router.close();
        }
        if (callbacks != null) {
            callbacks.close();
        }
        if (cache != null) {
            cache.ifPresent(ResponseCacheLayer::close);
        }
        adapters.forEach(ProviderAdapter::close);
        try {
            upstream.close();
        }
        catch (Exception e) {
            log.debug("Upstream client did not stop cleanly", e);
        }
        plugins.close();
    }
}
