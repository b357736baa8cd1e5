package io.junction.tck.provider;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * The provider kit's upstream: a small HTTP/1.1 server on the loopback interface that replays what the plugin's
 * {@link UpstreamScript} wrote, and misbehaves on purpose where a rule needs it (a stall, a stream cut in the middle).
 * It is written on a plain socket because those faults need control over framing that a real server does not give:
 * a chunked body that stops without its last chunk, a body delimited only by the connection closing, headers that
 * never come. Each answer closes its connection, so every request the adapter makes arrives on a new one and is
 * recorded.
 */
public final class FakeUpstream
        implements AutoCloseable
{
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final ServerSocket server;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Reply reply = new Reply.Whole(NativeResponse.of(500, "text/plain",
            "the provider kit's fake upstream has no answer scripted for this rule".getBytes(StandardCharsets.UTF_8)));

    private FakeUpstream(ServerSocket server)
    {
        this.server = server;
    }

    public static FakeUpstream start()
    {
        try {
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            FakeUpstream upstream = new FakeUpstream(server);
            Thread.ofVirtual().name("junction-tck-fake-upstream-" + server.getLocalPort()).start(upstream::acceptLoop);
            return upstream;
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot start the provider kit's fake upstream on the loopback interface", e);
        }
    }

    /** A URI of a loopback port nothing listens on, for the "connection refused" rule. */
    public static URI refusingBaseUri()
    {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return URI.create("http://127.0.0.1:" + probe.getLocalPort());
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot find a free loopback port", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash; every path answers. */
    public URI baseUri()
    {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Answers every request with the whole response, its length declared. */
    public void answer(NativeResponse response)
    {
        reply = new Reply.Whole(response);
    }

    /** Sends the first {@code bytes} bytes of the body as one chunk, then drops the connection without the last chunk. */
    public void cutChunkedBodyAfter(NativeResponse response, int bytes)
    {
        reply = new Reply.CutChunked(response, checkedCut(response, bytes));
    }

    /**
     * Sends the first {@code bytes} bytes of a body whose end is marked only by the connection closing (no length, no
     * chunks), then closes: the HTTP layer sees a normal end, only the provider's format can tell it was cut.
     */
    public void cutUnframedBodyAfter(NativeResponse response, int bytes)
    {
        reply = new Reply.CutUnframed(response, checkedCut(response, bytes));
    }

    /** Sends the headers and the first {@code bytes} bytes of the body as one chunk, then sends nothing more. */
    public void stallBodyAfter(NativeResponse response, int bytes)
    {
        reply = new Reply.StallMidBody(response, checkedCut(response, bytes));
    }

    /** Reads each request and never answers it. */
    public void neverAnswer()
    {
        reply = new Reply.Silent();
    }

    public List<RecordedRequest> requests()
    {
        return List.copyOf(requests);
    }

    @Override
    public void close()
    {
        closed.countDown();
        try {
            server.close();
        }
        catch (IOException ignored) {
            // closing is best effort: the port is released when the process ends anyway
        }
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    private static int checkedCut(NativeResponse response, int bytes)
    {
        if (bytes < 0 || bytes > response.body().length) {
            throw new IllegalArgumentException("cannot cut a body of " + response.body().length + " bytes after " + bytes);
        }
        return bytes;
    }

    private void acceptLoop()
    {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            }
            catch (IOException e) {
                return;
            }
            open.add(socket);
            Thread.ofVirtual().start(() -> serve(socket));
        }
    }

    private void serve(Socket socket)
    {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            RecordedRequest request = readRequest(in);
            if (request == null) {
                return;
            }
            requests.add(request);
            write(reply, socket.getOutputStream());
        }
        catch (IOException | RuntimeException e) {
            // the client went away, or the kit closed the server: nothing to answer
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finally {
            open.remove(socket);
        }
    }

    private void write(Reply current, OutputStream out)
            throws IOException, InterruptedException
    {
        switch (current) {
            case Reply.Whole whole -> {
                NativeResponse response = whole.response();
                out.write(head(response, "content-length: " + response.body().length));
                out.write(response.body());
                out.flush();
            }
            case Reply.CutChunked cut -> {
                out.write(head(cut.response(), "transfer-encoding: chunked"));
                writeChunk(out, cut.response().body(), cut.bytes());
                out.flush();
                // no terminating chunk: the connection just ends
            }
            case Reply.CutUnframed cut -> {
                out.write(head(cut.response(), null));
                out.write(cut.response().body(), 0, cut.bytes());
                out.flush();
            }
            case Reply.StallMidBody stall -> {
                out.write(head(stall.response(), "transfer-encoding: chunked"));
                writeChunk(out, stall.response().body(), stall.bytes());
                out.flush();
                closed.await();
            }
            case Reply.Silent silent -> closed.await();
        }
    }

    private static void writeChunk(OutputStream out, byte[] body, int bytes)
            throws IOException
    {
        if (bytes > 0) {
            out.write((Integer.toHexString(bytes) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, bytes);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static byte[] head(NativeResponse response, String framing)
    {
        StringBuilder head = new StringBuilder(256)
                .append("HTTP/1.1 ").append(response.status()).append(' ').append(reason(response.status())).append("\r\n");
        response.headers().forEach((name, value) -> {
            if (!Set.of("content-length", "transfer-encoding", "connection").contains(name)) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
        if (framing != null) {
            head.append(framing).append("\r\n");
        }
        head.append("connection: close\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String reason(int status)
    {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    /** The request, or null when the client closed the connection before sending one. */
    private static RecordedRequest readRequest(InputStream in)
            throws IOException
    {
        String requestLine = readLine(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        String[] parts = requestLine.split(" ", 3);
        if (parts.length < 2) {
            throw new IOException("not an HTTP request line: " + requestLine);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        int headBytes = requestLine.length();
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            headBytes += line.length();
            if (headBytes > MAX_HEAD_BYTES) {
                throw new IOException("request head larger than " + MAX_HEAD_BYTES + " bytes");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = readChunked(in);
        }
        else {
            int length = Integer.parseInt(Objects.requireNonNullElse(headers.get("content-length"), "0"));
            if (length > MAX_BODY_BYTES) {
                throw new IOException("request body larger than " + MAX_BODY_BYTES + " bytes");
            }
            body = in.readNBytes(length);
        }
        return new RecordedRequest(parts[0], parts[1], headers, body);
    }

    private static byte[] readChunked(InputStream in)
            throws IOException
    {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                throw new IOException("chunked request body ended early");
            }
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                for (String trailer = readLine(in); trailer != null && !trailer.isEmpty(); trailer = readLine(in)) {
                    // trailers are not used by any client the kit drives
                }
                return body.toByteArray();
            }
            if (body.size() + size > MAX_BODY_BYTES) {
                throw new IOException("request body larger than " + MAX_BODY_BYTES + " bytes");
            }
            body.write(in.readNBytes(size));
            readLine(in);
        }
    }

    /** A line without its CRLF, or null at the end of the stream. */
    private static String readLine(InputStream in)
            throws IOException
    {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (line.size() > MAX_HEAD_BYTES) {
                throw new IOException("request line longer than " + MAX_HEAD_BYTES + " bytes");
            }
            line.write(c);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void closeQuietly(Socket socket)
    {
        try {
            socket.close();
        }
        catch (IOException ignored) {
            // already gone
        }
    }

    private sealed interface Reply
    {
        record Whole(NativeResponse response) implements Reply {}

        record CutChunked(NativeResponse response, int bytes) implements Reply {}

        record CutUnframed(NativeResponse response, int bytes) implements Reply {}

        record StallMidBody(NativeResponse response, int bytes) implements Reply {}

        record Silent() implements Reply {}
    }

    @Override
    public String toString()
    {
        return "FakeUpstream[" + baseUri() + ", requests=" + requests.size() + "]";
    }
}
