package io.junction.kernel;

import io.junction.kernel.config.ConfigLoader;
import io.junction.kernel.config.GatewayConfig;
import io.junction.spi.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code bin/junction}: loads the config (or the embedded default), starts the gateway, and stops it on SIGTERM. */
@Command(name = "junction", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "An OpenAI-compatible LLM gateway. Without --config it starts on an embedded default that needs no keys or network.")
public final class Main
        implements Callable<Integer>
{
    static final int EXIT_BAD_CONFIG = 2;
    private static final String EMBEDDED_DEFAULT = "/io/junction/kernel/default-config.yaml";

    @Option(names = "--config", paramLabel = "FILE", description = "A LiteLLM-style config.yaml. Default: the embedded default (mock models).")
    Path config;

    @Option(names = "--port", defaultValue = "4000", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--plugins", paramLabel = "DIR", description = "Folder of plugin jars. Default: plugins/ of the installation.")
    Path plugins;

    @Option(names = "--shutdown-grace", defaultValue = "30", paramLabel = "SECONDS",
            description = "How long in-flight requests may take to finish on shutdown (default: ${DEFAULT-VALUE}).")
    long shutdownGraceSeconds;

    @Option(names = "--stream-keepalive", defaultValue = "10", paramLabel = "SECONDS",
            description = "While a stream waits for its first token, send an SSE comment this often so idle proxies keep the connection; 0 turns it off (default: ${DEFAULT-VALUE}).")
    long streamKeepAliveSeconds;

    public static void main(String[] args)
    {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call()
    {
        GatewayConfig gatewayConfig;
        try {
            gatewayConfig = config == null
                    ? ConfigLoader.parse(embeddedDefault(), "embedded default config", System.getenv())
                    : ConfigLoader.load(config, System.getenv());
        }
        catch (ConfigException e) {
            return badConfig(e);
        }
        if (streamKeepAliveSeconds < 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--stream-keepalive must not be negative");
        }
        ServerSettings settings = new ServerSettings(host, port, pluginsDirectory(), Duration.ofSeconds(shutdownGraceSeconds),
                Duration.ofSeconds(streamKeepAliveSeconds));
        Gateway gateway;
        try {
            gateway = Gateway.start(gatewayConfig, settings);
        }
        catch (ConfigException e) {
            return badConfig(e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("junction-shutdown").unstarted(() -> {
            gateway.close();
            stopped.countDown();
        }));
        try {
            stopped.await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private int badConfig(ConfigException e)
    {
        System.err.println("Junction cannot start: the configuration is not valid.");
        System.err.println("  " + e.getMessage());
        System.err.println("  (config: " + (config == null ? "embedded default" : config.toAbsolutePath()) + ")");
        return EXIT_BAD_CONFIG;
    }

    private Path pluginsDirectory()
    {
        if (plugins != null) {
            return plugins;
        }
        String home = System.getProperty("junction.home");
        return home == null ? Path.of("plugins") : Path.of(home, "plugins");
    }

    static String embeddedDefault()
    {
        try (InputStream in = Main.class.getResourceAsStream(EMBEDDED_DEFAULT)) {
            if (in == null) {
                throw new IllegalStateException("the kernel jar lacks " + EMBEDDED_DEFAULT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final class VersionProvider
            implements CommandLine.IVersionProvider
    {
        @Override
        public String[] getVersion()
        {
            return new String[] {"junction " + Version.current() + " (Java " + Runtime.version() + ")"};
        }
    }
}
