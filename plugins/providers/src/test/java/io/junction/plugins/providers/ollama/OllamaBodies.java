package io.junction.plugins.providers.ollama;

import static io.junction.plugins.providers.JsonText.quote;

/**
 * Ollama's bodies as its API documentation shows them (https://github.com/ollama/ollama/blob/main/docs/api.md):
 * {@code /api/chat} and {@code /api/generate} answers and NDJSON stream lines, for the WireMock tests and the
 * provider kit's script.
 */
final class OllamaBodies
{
    static final String NDJSON = "application/x-ndjson";

    private OllamaBodies() {}

    /** One line of an {@code /api/chat} stream, before the last. */
    static String line(String content, boolean done)
    {
        return "{\"model\":\"llama3.2\",\"created_at\":\"2023-08-04T08:52:19.385406455-07:00\",\"message\":{\"role\":\"assistant\","
                + "\"content\":" + quote(content) + ",\"images\":null},\"done\":" + done + "}";
    }

    /** A whole {@code /api/chat} answer whose message is {@code message} (a JSON object). */
    static String chatMessage(String message, String doneReason, long prompt, long completion)
    {
        return "{\"model\":\"llama3.2\",\"created_at\":\"2023-12-12T14:13:43.416799Z\",\"message\":" + message + ",\"done\":true,"
                + "\"done_reason\":\"" + doneReason + "\",\"total_duration\":5191566416,\"load_duration\":2154458,"
                + "\"prompt_eval_count\":" + prompt + ",\"prompt_eval_duration\":383809000,\"eval_count\":" + completion + ",\"eval_duration\":4799921000}";
    }

    /** A whole {@code /api/chat} answer of plain text. */
    static String chatAnswer(String content, String doneReason, long prompt, long completion)
    {
        return chatMessage("{\"role\":\"assistant\",\"content\":" + quote(content) + "}", doneReason, prompt, completion);
    }

    /** One {@code /api/generate} answer, or line of its stream (the last one has {@code done: true} and the counts). */
    static String generateLine(String response, boolean done, String doneReason, long prompt, long completion)
    {
        return "{\"model\":\"llama3.2\",\"created_at\":\"2023-08-04T19:22:45.499127Z\",\"response\":" + quote(response) + ",\"done\":" + done
                + (done ? ",\"done_reason\":\"" + doneReason + "\",\"context\":[1,2,3],\"total_duration\":5043500667,\"prompt_eval_count\":" + prompt
                        + ",\"eval_count\":" + completion : "") + "}";
    }

    static String ndjson(String... lines)
    {
        return String.join("\n", lines) + "\n";
    }
}
