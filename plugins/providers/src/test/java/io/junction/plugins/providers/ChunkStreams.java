package io.junction.plugins.providers;

import com.fasterxml.jackson.databind.JsonNode;
import io.junction.plugins.providers.common.Json;
import io.junction.spi.provider.ChunkStream;
import io.junction.spi.provider.ProviderResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Reads an adapter's stream to its end, as the kernel does, for assertions on every chunk. */
public final class ChunkStreams
{
    private ChunkStreams() {}

    /** The chunks of an answer that must be streamed. */
    public static ChunkStream streamOf(ProviderResponse response)
    {
        return assertInstanceOf(ProviderResponse.Streaming.class, response).chunks();
    }

    /** Every chunk until {@code next()} returns null, as text. */
    public static List<String> drainText(ChunkStream stream)
    {
        List<String> chunks = new ArrayList<>();
        for (byte[] chunk = stream.next(); chunk != null; chunk = stream.next()) {
            chunks.add(new String(chunk, StandardCharsets.UTF_8));
        }
        return chunks;
    }

    /** Every chunk until {@code next()} returns null, each parsed. */
    public static List<JsonNode> drainJson(ChunkStream stream)
    {
        List<JsonNode> chunks = new ArrayList<>();
        for (byte[] chunk = stream.next(); chunk != null; chunk = stream.next()) {
            try {
                chunks.add(Json.MAPPER.readTree(chunk));
            }
            catch (IOException e) {
                throw new UncheckedIOException("a chunk is not JSON: " + new String(chunk, StandardCharsets.UTF_8), e);
            }
        }
        return chunks;
    }
}
