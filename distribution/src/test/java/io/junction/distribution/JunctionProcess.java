package io.junction.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The gateway as a user runs it: {@code bin/junction} of an unpacked distribution, started as a real process on a
 * free port of the loopback interface, its output (stdout and stderr) in a log file. {@link #close()} stops it with
 * SIGTERM, as a supervisor would, and kills it only if it does not stop in time.
 * <p>
 * How long to wait for startup comes from {@code JUNCTION_E2E_STARTUP_SECONDS} (default 90), for slow CI machines.
 */
public final class JunctionProcess
        implements AutoCloseable
{
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(
            Long.parseLong(Optional.ofNullable(System.getenv("JUNCTION_E2E_STARTUP_SECONDS")).orElse("90")));
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

    private final Process process;
    private final long startedAtNanos;
    private final int port;
    private final Path logFile;
    private final Thread killOnExit;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private JunctionProcess(Process process, long startedAtNanos, int port, Path logFile)
    {
        this.process = process;
        this.startedAtNanos = startedAtNanos;
        this.port = port;
        this.logFile = logFile;
        // a test JVM that dies (or is interrupted) must not leave a gateway holding a port
        this.killOnExit = new Thread(process::destroyForcibly, "kill-junction-" + process.pid());
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    public static Builder builder(Path home)
    {
        return new Builder(home);
    }

    /** The base URL an OpenAI SDK is given: {@code http://127.0.0.1:PORT/v1}. */
    public String openAiBaseUrl()
    {
        return "http://127.0.0.1:" + port + "/v1";
    }

    /** {@code http://127.0.0.1:PORT} followed by {@code path}. */
    public URI uri(String path)
    {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public int port()
    {
        return port;
    }

    /** {@link System#nanoTime()} just before the process was started. */
    public long startedAtNanos()
    {
        return startedAtNanos;
    }

    public boolean isAlive()
    {
        return process.isAlive();
    }

    /** Everything the process has printed so far. */
    public String log()
    {
        try {
            return Files.readString(logFile);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the process to exit on its own, and returns its exit code. */
    public int awaitExit(Duration timeout)
    {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("junction did not exit within " + timeout + "; its output:\n" + logTail());
            }
            return process.exitValue();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for junction to exit", e);
        }
    }

    /** Polls {@code GET /health/liveness} until it answers 200; fails early, with the log, if the process exits. */
    public void awaitLive()
    {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        HttpRequest liveness = HttpRequest.newBuilder(uri("/health/liveness")).timeout(Duration.ofSeconds(2)).GET().build();
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("junction exited with code " + process.exitValue() + " before it was live; its output:\n" + logTail());
            }
            try {
                if (http.send(liveness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            }
            catch (IOException e) {
                // not listening yet, or still starting
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for junction to start", e);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("junction was not live within " + STARTUP_TIMEOUT + "; its output:\n" + logTail());
            }
            sleep(POLL_INTERVAL);
        }
    }

    /** Stops the gateway with SIGTERM (a graceful shutdown), killing it only if it is still running after 30 s. */
    @Override
    public void close()
    {
        try {
            process.destroy();
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                throw new AssertionError("junction did not stop within " + STOP_TIMEOUT + " of SIGTERM and was killed; its output:\n" + logTail());
            }
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        finally {
            http.close();
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            }
            catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs anyway
            }
        }
    }

    private String logTail()
    {
        String log;
        try {
            log = Files.readString(logFile);
        }
        catch (IOException e) {
            return "(no log at " + logFile + ": " + e + ")";
        }
        int keep = 8_000;
        return log.length() <= keep ? log : "..." + log.substring(log.length() - keep);
    }

    private static void sleep(Duration duration)
    {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static int freePort()
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final class Builder
    {
        private final Path home;
        private Path config;
        private Path plugins;
        private Path logFile;
        private Path workingDirectory;
        private final Map<String, String> environment = new LinkedHashMap<>();

        private Builder(Path home)
        {
            this.home = home;
        }

        /** {@code --config FILE}; without it the gateway runs on its embedded default. */
        public Builder config(Path config)
        {
            this.config = config;
            return this;
        }

        /** {@code --plugins DIR}; without it the gateway loads the distribution's {@code plugins/}. */
        public Builder plugins(Path plugins)
        {
            this.plugins = plugins;
            return this;
        }

        /** Where stdout and stderr go; the folder is also the process's working directory unless set. */
        public Builder logFile(Path logFile)
        {
            this.logFile = logFile;
            return this;
        }

        public Builder workingDirectory(Path workingDirectory)
        {
            this.workingDirectory = workingDirectory;
            return this;
        }

        public Builder environment(String name, String value)
        {
            environment.put(name, value);
            return this;
        }

        /** Starts the process and returns at once, live or not (for a start that is expected to fail). */
        public JunctionProcess startWithoutWaiting()
        {
            if (logFile == null) {
                throw new IllegalStateException("set a log file");
            }
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(home.resolve("bin/junction").toString(), "--host", "127.0.0.1", "--port", Integer.toString(port)));
            if (config != null) {
                command.addAll(List.of("--config", config.toString()));
            }
            if (plugins != null) {
                command.addAll(List.of("--plugins", plugins.toString()));
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory((workingDirectory != null ? workingDirectory : logFile.toAbsolutePath().getParent()).toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            long startedAt = System.nanoTime();
            try {
                return new JunctionProcess(builder.start(), startedAt, port, logFile);
            }
            catch (IOException e) {
                throw new UncheckedIOException("could not run " + command.getFirst(), e);
            }
        }

        /** Starts the process and waits until {@code /health/liveness} answers; stops it again if it never does. */
        public JunctionProcess start()
        {
            JunctionProcess process = startWithoutWaiting();
            try {
                process.awaitLive();
                return process;
            }
            catch (RuntimeException | Error e) {
                try {
                    process.close();
                }
                catch (RuntimeException | Error closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
        }
    }
}
