package io.junction.plugins.providers.bedrock;

import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ProviderAdapterFactory;
import io.junction.tck.provider.NativeResponse;
import io.junction.tck.provider.ProviderAdapterContract;
import io.junction.tck.provider.ProviderCapability;
import io.junction.tck.provider.UpstreamScript;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

import java.lang.reflect.Method;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.junction.plugins.providers.JsonText.numbers;
import static io.junction.plugins.providers.JsonText.quote;
import static io.junction.plugins.providers.bedrock.BedrockBodies.converseAnswer;
import static io.junction.plugins.providers.bedrock.BedrockBodies.usage;

/**
 * The bedrock adapter against the TCK's provider contract, signing with static keys (the kit's key is the secret
 * access key). A Bedrock deployment serves chat (Converse) or embeddings (InvokeModel) by its model, while the kit
 * creates every deployment with one model: its embedding rule, P5, gets a Titan embedding model, the others Claude.
 */
class BedrockContractTest
        extends ProviderAdapterContract
{
    private static final String CHAT_MODEL = "anthropic.claude-3-5-sonnet-20240620-v1:0";
    private static final String EMBEDDING_MODEL = "amazon.titan-embed-text-v2:0";
    private static final String EMBEDDING_RULE = "rule_P5_";

    private String rule = "";

    @BeforeEach
    void noteTheRule(TestInfo test)
    {
        rule = test.getTestMethod().map(Method::getName).orElse("");
    }

    @Override
    protected ProviderAdapterFactory factory()
    {
        // no environment: the AWS_* fallbacks must not stand in for what the kit configures
        return new BedrockAdapterFactory(name -> null);
    }

    @Override
    protected Optional<UpstreamScript> upstreamScript()
    {
        return Optional.of(new BedrockScript());
    }

    /** No text completions; Bedrock's throttling errors name no wait. */
    @Override
    protected Set<ProviderCapability> capabilities()
    {
        return EnumSet.of(ProviderCapability.CHAT, ProviderCapability.STREAMING, ProviderCapability.EMBEDDINGS, ProviderCapability.TOOLS,
                ProviderCapability.UPSTREAM_HTTP);
    }

    @Override
    protected String upstreamModel()
    {
        return rule.startsWith(EMBEDDING_RULE) ? EMBEDDING_MODEL : CHAT_MODEL;
    }

    @Override
    protected Map<String, Object> deploymentParams(URI fakeBase, String apiKey)
    {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("api_base", fakeBase.toString());
        params.put("aws_region_name", "us-east-1");
        params.put("aws_access_key_id", "AKIAIOSFODNN7EXAMPLE");
        params.put("aws_secret_access_key", apiKey);
        return params;
    }

    @Override
    protected Set<String> requiredParams()
    {
        return Set.of("aws_region_name", "aws_access_key_id", "aws_secret_access_key");
    }

    private static final class BedrockScript
            implements UpstreamScript
    {
        private static final String EVENTSTREAM = "application/vnd.amazon.eventstream";

        @Override
        public NativeResponse nativeChatResponse(String text, long promptTokens, long completionTokens)
        {
            return NativeResponse.json(200, converseAnswer("[{\"text\":" + quote(text) + "}]", "end_turn", usage(promptTokens, completionTokens)));
        }

        @Override
        public NativeResponse nativeStream(List<String> pieces, long promptTokens, long completionTokens)
        {
            EventStreamFrames frames = new EventStreamFrames().event("messageStart", "{\"role\":\"assistant\"}");
            pieces.forEach(piece -> frames.event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":" + quote(piece) + "}}"));
            frames.event("contentBlockStop", "{\"contentBlockIndex\":0}")
                    .event("messageStop", "{\"stopReason\":\"end_turn\"}")
                    .event("metadata", "{\"usage\":" + usage(promptTokens, completionTokens) + ",\"metrics\":{\"latencyMs\":412}}");
            return NativeResponse.of(200, EVENTSTREAM, frames.bytes());
        }

        @Override
        public NativeResponse nativeError(ErrorKind kind, String message, Optional<Duration> retryAfter)
        {
            return switch (kind) {
                case RATE_LIMITED -> awsError(429, "ThrottlingException", message);
                // AWS refuses a key it does not know with 403, naming the exception
                case AUTHENTICATION -> awsError(403, "UnrecognizedClientException", message);
                case UPSTREAM_SERVER -> awsError(500, "InternalServerException", message);
                default -> awsError(400, "ValidationException", message);
            };
        }

        @Override
        public NativeResponse nativeEmbedding(float[] vector, long promptTokens)
        {
            // Titan Text Embeddings V2's InvokeModel answer
            return NativeResponse.json(200, "{\"embedding\":" + numbers(vector) + ",\"embeddingsByType\":{\"float\":" + numbers(vector) + "},"
                    + "\"inputTextTokenCount\":" + promptTokens + "}");
        }

        @Override
        public NativeResponse nativeToolCall(String callId, String toolName, String argumentsJson, long promptTokens, long completionTokens)
        {
            return NativeResponse.json(200, converseAnswer("[{\"toolUse\":{\"toolUseId\":" + quote(callId) + ",\"name\":" + quote(toolName)
                    + ",\"input\":" + argumentsJson + "}}]", "tool_use", usage(promptTokens, completionTokens)));
        }

        private static NativeResponse awsError(int status, String exceptionType, String message)
        {
            return NativeResponse.json(status, "{\"message\":" + quote(message) + "}")
                    .withHeader("x-amzn-ErrorType", exceptionType + ":http://internal.amazon.com/coral/com.amazon.bedrock/")
                    .withHeader("x-amzn-RequestId", "7a0f7b34-0f5d-4a4b-9c61-4f0d2b9a1c55");
        }
    }
}
