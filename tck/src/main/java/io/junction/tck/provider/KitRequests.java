package io.junction.tck.provider;

import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderRequest;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The OpenAI requests the provider kit sends an adapter, built as the kernel hands them over: the client's bytes,
 * with the span of the top-level {@code model} value.
 */
public final class KitRequests
{
    public static final String MODEL_GROUP = "tck-group";
    /** The pieces of every scripted answer; the text is their concatenation. Non-ASCII and quotes test escaping. */
    public static final List<String> PIECES = List.of("The ", "magic ", "words ", "are ", "squeamish ", "ossifrage", " \u2013 ", "\"\u00fc\"!");
    public static final String TEXT = String.join("", PIECES);
    /** Where a scripted stream is cut: inside the piece that carries this word, so earlier pieces have been sent. */
    public static final String CUT_MARKER = "squeamish";
    public static final String TOOL_NAME = "get_weather";
    public static final String TOOL_ARGUMENTS = "{\"city\":\"Paris\",\"unit\":\"celsius\"}";
    public static final String EMBEDDING_INPUT = "The food was delicious and the waiter was friendly.";

    private static final String MODEL_PREFIX = "{\"model\":";
    private static final String MESSAGES = "\"messages\":[{\"role\":\"system\",\"content\":\"You answer in a few words.\"},"
            + "{\"role\":\"user\",\"content\":\"Say the magic words.\"}]";
    private static final String TOOLS = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"" + TOOL_NAME + "\","
            + "\"description\":\"Current weather in a city\",\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},"
            + "\"unit\":{\"type\":\"string\",\"enum\":[\"celsius\",\"fahrenheit\"]}},\"required\":[\"city\"]}}}],\"tool_choice\":\"auto\"";

    private KitRequests() {}

    public static ProviderRequest chat(boolean stream)
    {
        String rest = MESSAGES + ",\"max_tokens\":64,\"temperature\":0"
                + (stream ? ",\"stream\":true,\"stream_options\":{\"include_usage\":true}" : "");
        return request(Endpoint.CHAT_COMPLETIONS, rest, stream);
    }

    public static ProviderRequest chatWithTools()
    {
        String rest = "\"messages\":[{\"role\":\"user\",\"content\":\"What is the weather in Paris?\"}]," + TOOLS;
        return request(Endpoint.CHAT_COMPLETIONS, rest, false);
    }

    public static ProviderRequest textCompletion()
    {
        return request(Endpoint.COMPLETIONS, "\"prompt\":\"Say the magic words.\",\"max_tokens\":64,\"temperature\":0", false);
    }

    public static ProviderRequest embedding()
    {
        return request(Endpoint.EMBEDDINGS, "\"input\":\"" + EMBEDDING_INPUT + "\"", false);
    }

    /** The plain, non-streamed request of an endpoint. */
    public static ProviderRequest plain(Endpoint endpoint)
    {
        return switch (endpoint) {
            case CHAT_COMPLETIONS -> chat(false);
            case COMPLETIONS -> textCompletion();
            case EMBEDDINGS -> embedding();
        };
    }

    private static ProviderRequest request(Endpoint endpoint, String rest, boolean stream)
    {
        String model = "\"" + MODEL_GROUP + "\"";
        byte[] body = (MODEL_PREFIX + model + "," + rest + "}").getBytes(StandardCharsets.UTF_8);
        // everything before the model value is ASCII: character offsets are byte offsets
        int start = MODEL_PREFIX.length();
        return new ProviderRequest("tck-call-1", endpoint, MODEL_GROUP, stream, body, start, start + model.length(), 12);
    }
}
