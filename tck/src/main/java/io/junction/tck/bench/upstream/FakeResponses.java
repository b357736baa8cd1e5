package io.junction.tck.bench.upstream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Every answer body of the fake upstream, rendered once per {@link FakeUpstreamSettings} so that serving a request
 * costs no serialisation. Shapes follow OpenAI's chat completion and chat completion chunk objects; the id is fixed
 * ({@value #COMPLETION_ID}) so a smoke check can tell the fake's answer passed through a gateway.
 */
final class FakeResponses
{
    static final String COMPLETION_ID = "chatcmpl-fakeupstream0001";
    static final String MODEL = "fake-openai-endpoint";
    static final String SERVER_ERROR_BODY = "{\"error\":{\"message\":\"The server had an error while processing your request. Sorry about that!\","
            + "\"type\":\"server_error\",\"param\":null,\"code\":null}}";
    private static final String DEFAULT_CONTENT = "Hello there, this is a fixed reply from the fake upstream.";
    private static final String[] WORDS = "Hello there, this is a fixed reply from the fake upstream streaming words".split(" ");
    private static final long CREATED = 1_700_000_000L;
    private static final int PROMPT_TOKENS = 9;

    private final byte[] completion;
    private final List<byte[]> streamEvents;
    private final List<byte[]> streamEventsWithUsage;
    private final byte[] wholeStream;
    private final byte[] wholeStreamWithUsage;

    FakeResponses(FakeUpstreamSettings settings)
    {
        String content = settings.contentChars() == 0 ? DEFAULT_CONTENT : filler(settings.contentChars());
        int completionTokens = Math.max(1, content.length() / 4);
        completion = bytes("{\"id\":\"" + COMPLETION_ID + "\",\"object\":\"chat.completion\",\"created\":" + CREATED + ",\"model\":\"" + MODEL + "\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + content + "\",\"refusal\":null,\"annotations\":[]},"
                + "\"logprobs\":null,\"finish_reason\":\"stop\"}],"
                + "\"usage\":" + usage(completionTokens) + ",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_fake_upstream\"}");
        streamEvents = events(settings.streamChunks(), false);
        streamEventsWithUsage = events(settings.streamChunks(), true);
        wholeStream = concat(streamEvents);
        wholeStreamWithUsage = concat(streamEventsWithUsage);
    }

    byte[] completion()
    {
        return completion;
    }

    /** The SSE events of a streamed answer, each a complete {@code data: ...\n\n}; the last is {@code [DONE]}. */
    List<byte[]> streamEvents(boolean includeUsage)
    {
        return includeUsage ? streamEventsWithUsage : streamEvents;
    }

    /** All events in one buffer, for streams without a gap between events. */
    byte[] wholeStream(boolean includeUsage)
    {
        return includeUsage ? wholeStreamWithUsage : wholeStream;
    }

    static byte[] rateLimitBody(String deployment, int limit, long retryAfterSeconds)
    {
        return bytes("{\"error\":{\"message\":\"Rate limit reached for requests per min (RPM) on deployment " + deployment + ": Limit " + limit
                + ", Used " + limit + ", Requested 1. Please try again in " + retryAfterSeconds + "s.\","
                + "\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}");
    }

    private static List<byte[]> events(int chunks, boolean includeUsage)
    {
        // with include_usage every chunk carries "usage": null, and one more chunk with empty choices carries the usage
        String usageNull = includeUsage ? ",\"usage\":null" : "";
        List<byte[]> events = new ArrayList<>();
        events.add(event(choice("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", "null") + usageNull));
        for (int i = 0; i < chunks; i++) {
            events.add(event(choice("{\"content\":\"" + WORDS[i % WORDS.length] + " \"}", "null") + usageNull));
        }
        events.add(event(choice("{}", "\"stop\"") + usageNull));
        if (includeUsage) {
            events.add(event("\"choices\":[],\"usage\":" + usage(chunks)));
        }
        events.add(bytes("data: [DONE]\n\n"));
        return List.copyOf(events);
    }

    private static String choice(String delta, String finishReason)
    {
        return "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":" + finishReason + "}]";
    }

    private static byte[] event(String fields)
    {
        return bytes("data: {\"id\":\"" + COMPLETION_ID + "\",\"object\":\"chat.completion.chunk\",\"created\":" + CREATED + ",\"model\":\"" + MODEL
                + "\",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_fake_upstream\"," + fields + "}\n\n");
    }

    private static String usage(int completionTokens)
    {
        return "{\"prompt_tokens\":" + PROMPT_TOKENS + ",\"completion_tokens\":" + completionTokens + ",\"total_tokens\":" + (PROMPT_TOKENS + completionTokens)
                + ",\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}";
    }

    private static String filler(int chars)
    {
        StringBuilder text = new StringBuilder(chars + 16);
        for (int i = 0; text.length() < chars; i++) {
            text.append(WORDS[i % WORDS.length]).append(' ');
        }
        return text.substring(0, chars);
    }

    private static byte[] concat(List<byte[]> parts)
    {
        int length = parts.stream().mapToInt(part -> part.length).sum();
        byte[] whole = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, whole, at, part.length);
            at += part.length;
        }
        return whole;
    }

    private static byte[] bytes(String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
