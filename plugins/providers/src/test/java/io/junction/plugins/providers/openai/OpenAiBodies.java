package io.junction.plugins.providers.openai;

import java.util.List;

/**
 * OpenAI's bodies as its API reference shows them (https://platform.openai.com/docs/api-reference), for the WireMock
 * tests and the provider kit's script of every server that speaks OpenAI's format.
 */
public final class OpenAiBodies
{
    private OpenAiBodies() {}

    /**
     * A {@code chat.completion.chunk} with one choice.
     *
     * @param delta the delta object, as JSON
     * @param finishReason the finish reason as JSON: {@code null} or a quoted string
     */
    public static String chunk(String delta, String finishReason)
    {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":" + finishReason + "}],"
                + "\"usage\":null}";
    }

    /** The last chunk of a stream asked for {@code stream_options.include_usage}: no choices, the usage. */
    public static String usageChunk(long prompt, long completion, long cached)
    {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\",\"choices\":[],"
                + "\"usage\":" + usage(prompt, completion, cached) + "}";
    }

    /** One server-sent event per chunk, without the {@code [DONE]} that ends a stream. */
    public static String events(List<String> chunks)
    {
        StringBuilder body = new StringBuilder();
        for (String chunk : chunks) {
            body.append("data: ").append(chunk).append("\n\n");
        }
        return body.toString();
    }

    public static String usage(long prompt, long completion, long cached)
    {
        return "{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + completion + ",\"total_tokens\":" + (prompt + completion)
                + ",\"prompt_tokens_details\":{\"cached_tokens\":" + cached + "}}";
    }

    /** OpenAI's error object; {@code param} and {@code code} may be null. */
    public static String error(String message, String type, String param, String code)
    {
        return "{\n  \"error\": {\n    \"message\": \"" + message.replace("\"", "\\\"") + "\",\n    \"type\": \"" + type + "\",\n"
                + "    \"param\": " + quoteOrNull(param) + ",\n    \"code\": " + quoteOrNull(code) + "\n  }\n}\n";
    }

    private static String quoteOrNull(String value)
    {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
