package io.junction.plugins.providers.bedrock;

/**
 * Bedrock's JSON bodies as the Converse API reference shows them
 * (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html), for the WireMock tests and
 * the provider kit's script; {@link EventStreamFrames} writes ConverseStream's binary frames.
 */
final class BedrockBodies
{
    private BedrockBodies() {}

    /**
     * @param content the message's content blocks, as a JSON array
     * @param usage as {@link #usage} writes it
     */
    static String converseAnswer(String content, String stopReason, String usage)
    {
        return "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":" + content + "}},\"stopReason\":\"" + stopReason + "\","
                + "\"usage\":" + usage + ",\"metrics\":{\"latencyMs\":350}}";
    }

    static String usage(long input, long output)
    {
        return "{\"inputTokens\":" + input + ",\"outputTokens\":" + output + ",\"totalTokens\":" + (input + output) + "}";
    }
}
