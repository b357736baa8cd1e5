package io.junction.plugins.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.plugins.providers.common.CompletionWriter;
import io.junction.plugins.providers.common.Json;
import io.junction.plugins.providers.common.ToolCall;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.ProviderResponse;
import io.junction.spi.provider.Usage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole {@code GenerateContentResponse} as an OpenAI {@code chat.completion}: the first candidate's text parts joined,
 * its thoughts as {@code reasoning_content}, its function calls as tool calls; the response's own id and model version
 * where Gemini gives them.
 */
final class GeminiResponses
{
    private GeminiResponses() {}

    static ProviderResponse.Complete toCompletion(byte[] body, Map<String, String> headers, String provider, String deploymentModel,
            long created, ToolCallIds ids, GeminiErrors errors)
    {
        ObjectNode response = Json.parseObject(body, provider + "'s response", ErrorKind.UPSTREAM_SERVER);
        JsonNode candidate = response.path("candidates").path(0);
        if (candidate.isMissingNode()) {
            String blockReason = response.path("promptFeedback").path("blockReason").asText("");
            if (!blockReason.isEmpty()) {
                throw errors.blockedPrompt(blockReason);
            }
            throw new ProviderException(ErrorKind.UPSTREAM_SERVER, provider + " answered without any candidate");
        }
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        List<ToolCall> toolCalls = new ArrayList<>();
        GeminiParts.read(candidate, ids, new GeminiParts.Sink()
        {
            @Override
            public void text(String part)
            {
                text.append(part);
            }

            @Override
            public void reasoning(String part)
            {
                reasoning.append(part);
            }

            @Override
            public void toolCall(ToolCall call)
            {
                toolCalls.add(call);
            }
        });
        String finishReason = GeminiFinishReasons.toOpenAi(candidate.path("finishReason").asText("STOP"), !toolCalls.isEmpty());
        Usage usage = GeminiUsage.from(response.path("usageMetadata"));
        byte[] completion = CompletionWriter.chatCompletion(id(response, ids), model(response, deploymentModel), created,
                text.toString(), reasoning.isEmpty() ? Optional.empty() : Optional.of(reasoning.toString()), toolCalls, finishReason, usage);
        return new ProviderResponse.Complete(completion, usage, headers);
    }

    /** Gemini's {@code responseId}, or a fresh {@code chatcmpl-<uuid>} when it sends none. */
    static String id(JsonNode response, ToolCallIds ids)
    {
        String responseId = response.path("responseId").asText("");
        return responseId.isEmpty() ? ids.newCompletionId() : responseId;
    }

    /** The {@code modelVersion} Gemini reports, else the deployment's model. */
    static String model(JsonNode response, String deploymentModel)
    {
        String version = response.path("modelVersion").asText("");
        return version.isEmpty() ? deploymentModel : version;
    }
}
