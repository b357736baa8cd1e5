package io.junction.kernel.router.shared;

import io.junction.kernel.config.RedisSettings;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The shared store on Redis (standalone), through Lettuce's asynchronous API on one multiplexed connection. Every
 * operation is one Lua script ({@link RedisScripts}), sent by its SHA and sent whole only when Redis does not know
 * it yet (after a restart). While Redis is unreachable commands fail at once instead of queueing, and the
 * connection is re-established in the background; the caller's circuit breaker decides when to use it again.
 */
public final class RedisStore
        implements SharedStore
{
    private static final Logger log = LoggerFactory.getLogger(RedisStore.class);
    /** The longest any command may stay queued, whatever its caller waits: a hung Redis must not pile them up. */
    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(1);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final String WINDOW_TTL_ARGUMENT = Long.toString(RedisKeys.WINDOW_TTL_SECONDS);

    private final ClientResources resources;
    private final RedisClient client;
    private final RedisURI uri;
    private final RedisKeys keys;
    private final String location;
    private final AtomicBoolean connecting = new AtomicBoolean();
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile boolean closed;

    private RedisStore(RedisURI uri, String keyPrefix, String location)
    {
        this.uri = uri;
        this.keys = new RedisKeys(keyPrefix);
        this.location = location;
        // two small pools: the store sends a few small commands per request, it never needs the CPU count's worth
        this.resources = ClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // fail at once while disconnected: a request must never wait for Redis to come back
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_LIMIT))
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).keepAlive(true).build())
                .build());
    }

    /** A store for these settings; it connects in the background and never fails to start when Redis is down. */
    public static RedisStore create(RedisSettings settings)
    {
        RedisURI uri = settings.url().map(RedisStore::parseUrl).orElseGet(() -> {
            RedisURI.Builder builder = RedisURI.Builder.redis(settings.host(), settings.port()).withDatabase(settings.database());
            settings.password().ifPresent(password -> builder.withPassword(password.reveal().toCharArray()));
            return builder.build();
        });
        uri.setTimeout(COMMAND_LIMIT);
        RedisStore store = new RedisStore(uri, settings.keyPrefix(), settings.location());
        store.connectBeforeTraffic();
        return store;
    }

    private static RedisURI parseUrl(io.junction.spi.Secret url)
    {
        try {
            return RedisURI.create(url.reveal());
        }
        catch (IllegalArgumentException e) {
            // Lettuce's message may quote the URL, and with it the password
            throw new io.junction.spi.ConfigException("router_settings.redis_url",
                    "is not a valid Redis URL. Fix: write redis_url: redis://:password@host:6379/0 (rediss:// for TLS).");
        }
    }

    /** For tests: a store on {@code host:port} with its own key prefix. */
    public static RedisStore create(String host, int port, String keyPrefix)
    {
        RedisURI uri = RedisURI.Builder.redis(host, port).withTimeout(COMMAND_LIMIT).build();
        RedisStore store = new RedisStore(uri, keyPrefix, host + ":" + port);
        store.connectBeforeTraffic();
        return store;
    }

    /** Starts connecting unless connected or already trying; returns at once. */
    public void connect()
    {
        connecting();
    }

    /**
     * Connects before the gateway takes traffic, waiting at most the connect timeout, so that the first requests
     * already use the shared limits. Never fails: an unreachable Redis is retried in the background.
     */
    void connectBeforeTraffic()
    {
        CompletableFuture<?> attempt = connecting();
        if (attempt == null) {
            return;
        }
        try {
            attempt.get(CONNECT_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        catch (ExecutionException | TimeoutException e) {
            log.warn("Redis at {} is not reachable ({}); requests use local limits until it is", location, e.getCause() == null ? e : e.getCause().toString());
        }
    }

    private CompletableFuture<?> connecting()
    {
        if (closed || connection != null || !connecting.compareAndSet(false, true)) {
            return null;
        }
        return client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture().thenCompose(this::loadScripts).whenComplete((opened, error) -> {
            connecting.set(false);
            if (error != null) {
                log.debug("Redis at {} is not reachable yet: {}", location, error.toString());
                return;
            }
            if (closed) {
                opened.closeAsync();
                return;
            }
            connection = opened;
            log.info("Connected to Redis at {} for shared router state", location);
        });
    }

    /** Loads every script before the first request needs it, so that first request neither sends its text nor waits longer. */
    private CompletableFuture<StatefulRedisConnection<String, String>> loadScripts(StatefulRedisConnection<String, String> opened)
    {
        List<CompletableFuture<String>> loads = new ArrayList<>();
        for (RedisScripts script : RedisScripts.values()) {
            loads.add(opened.async().scriptLoad(script.text()).toCompletableFuture());
        }
        return CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new)).handle((done, error) -> opened);
    }

    public boolean connected()
    {
        StatefulRedisConnection<String, String> current = connection;
        return current != null && current.isOpen();
    }

    @Override
    public CompletionStage<StoreReservation> reserve(String group, String deploymentId, long minute, long rpm, long tpm, long tokens)
    {
        return this.<List<Object>>run(RedisScripts.RESERVE, ScriptOutputType.MULTI, new String[] {keys.window(group, minute)},
                deploymentId, Long.toString(rpm), Long.toString(tpm), Long.toString(tokens), WINDOW_TTL_ARGUMENT)
                .thenApply(answer -> new StoreReservation(number(answer, 0) == 1, number(answer, 1), number(answer, 2)));
    }

    @Override
    public CompletionStage<DeploymentFigures> record(String group, String deploymentId, long minute, long requests, long tokens, long successes,
            long failures)
    {
        return this.<List<Object>>run(RedisScripts.RECORD, ScriptOutputType.MULTI, new String[] {keys.window(group, minute)},
                deploymentId, Long.toString(requests), Long.toString(tokens), Long.toString(successes), Long.toString(failures),
                WINDOW_TTL_ARGUMENT)
                .thenApply(answer -> new DeploymentFigures(number(answer, 0), number(answer, 1), number(answer, 2), number(answer, 3), 0));
    }

    @Override
    public CompletionStage<Boolean> coolDown(String group, String deploymentId, List<String> groupDeploymentIds, long nowMillis, long untilMillis)
    {
        List<String> arguments = new ArrayList<>(groupDeploymentIds.size() + 3);
        arguments.add(deploymentId);
        arguments.add(Long.toString(nowMillis));
        arguments.add(Long.toString(untilMillis));
        arguments.addAll(groupDeploymentIds);
        return this.<Long>run(RedisScripts.COOL_DOWN, ScriptOutputType.INTEGER, new String[] {keys.cooldowns(group)}, arguments.toArray(String[]::new))
                .thenApply(set -> set == 1L);
    }

    @Override
    public CompletionStage<Map<String, DeploymentFigures>> snapshot(String group, long minute, long nowMillis)
    {
        return this.<List<Object>>run(RedisScripts.SNAPSHOT, ScriptOutputType.MULTI, new String[] {keys.window(group, minute), keys.cooldowns(group)},
                Long.toString(nowMillis))
                .thenApply(RedisStore::figures);
    }

    @Override
    public CompletionStage<Long> heartbeat(String instanceId, long nowMillis, long staleAfterMillis)
    {
        long ttlSeconds = Math.max(1, staleAfterMillis / 1000 * 2);
        return this.run(RedisScripts.HEARTBEAT, ScriptOutputType.INTEGER, new String[] {keys.instances()},
                instanceId, Long.toString(nowMillis), Long.toString(staleAfterMillis), Long.toString(ttlSeconds));
    }

    @Override
    public String location()
    {
        return location;
    }

    @Override
    public void close()
    {
        closed = true;
        StatefulRedisConnection<String, String> current = connection;
        if (current != null) {
            current.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    private <T> CompletionStage<T> run(RedisScripts script, ScriptOutputType type, String[] scriptKeys, String... arguments)
    {
        StatefulRedisConnection<String, String> current = connection;
        if (current == null) {
            connect();
            return CompletableFuture.failedFuture(new IllegalStateException("not connected to Redis at " + location));
        }
        RedisAsyncCommands<String, String> commands = current.async();
        CompletableFuture<T> bySha = commands.<T>evalsha(script.sha(), type, scriptKeys, arguments).toCompletableFuture();
        // Redis forgets loaded scripts when it restarts: send the text once, it is cached again
        return bySha.exceptionallyCompose(error -> unwrap(error) instanceof RedisNoScriptException
                ? commands.<T>eval(script.text(), type, scriptKeys, arguments).toCompletableFuture()
                : CompletableFuture.failedFuture(error));
    }

    private static Throwable unwrap(Throwable error)
    {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, DeploymentFigures> figures(List<Object> answer)
    {
        Map<String, long[]> counts = new HashMap<>();
        List<Object> window = (List<Object>) answer.get(0);
        for (int i = 0; i + 1 < window.size(); i += 2) {
            String field = String.valueOf(window.get(i));
            if (field.length() < 3 || field.charAt(1) != ':') {
                continue;
            }
            int slot = switch (field.charAt(0)) {
                case 'r' -> 0;
                case 't' -> 1;
                case 's' -> 2;
                case 'f' -> 3;
                default -> -1;
            };
            if (slot >= 0) {
                counts.computeIfAbsent(field.substring(2), id -> new long[5])[slot] = parse(window.get(i + 1));
            }
        }
        List<Object> cooling = (List<Object>) answer.get(1);
        for (int i = 0; i + 1 < cooling.size(); i += 2) {
            counts.computeIfAbsent(String.valueOf(cooling.get(i)), id -> new long[5])[4] = parse(cooling.get(i + 1));
        }
        Map<String, DeploymentFigures> figures = new HashMap<>();
        counts.forEach((id, values) -> figures.put(id, new DeploymentFigures(values[0], values[1], values[2], values[3], values[4])));
        return figures;
    }

    private static long number(List<Object> answer, int index)
    {
        return parse(answer.get(index));
    }

    private static long parse(Object value)
    {
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return (long) Double.parseDouble(String.valueOf(value));
        }
        catch (NumberFormatException e) {
            return 0;
        }
    }
}
