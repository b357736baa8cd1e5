package io.junction.tck.bench.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Small helpers for starting processes that serve HTTP. */
final class Readiness
{
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private Readiness() {}

    /** A port nothing listens on right now (a process started next may still race for it). */
    static int freePort()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /**
     * Polls {@code url} until it answers 200, the process dies ({@code alive} turns false) or {@code limit} passes.
     *
     * @return whether it answered
     */
    static boolean awaitOk(URI url, Duration limit, BooleanSupplier alive)
            throws InterruptedException
    {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline && alive.getAsBoolean()) {
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(1)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            }
            catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Stops a process we started: SIGTERM, a bounded wait, then SIGKILL. */
    static void stop(Process process, Duration grace)
    {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of a log file, for an error message. */
    static String tail(Path log, int lines)
    {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
        catch (IOException | RuntimeException e) {
            return "(no log)";
        }
    }
}
