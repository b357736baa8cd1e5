package io.junction.plugins.providers.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.plugins.providers.common.ChatRequest;
import io.junction.plugins.providers.common.Json;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.ProviderResponse;
import io.junction.spi.provider.Usage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * OpenAI's {@code /embeddings} on Bedrock's InvokeModel, in the body each model family takes, chosen by the model id:
 * Titan ({@code amazon.titan-embed-text-*}: one {@code inputText} per call) and Cohere ({@code cohere.embed-*}: all
 * {@code texts} in one call). The vectors come back in OpenAI's list shape, with the usage the provider reports.
 */
final class BedrockEmbeddings
{
    /** Sends one InvokeModel body and returns the answer's JSON and its input-token header, if any. */
    interface Invoker
    {
        Invocation invoke(byte[] body);
    }

    /** One InvokeModel answer: its body, and the {@code x-amzn-bedrock-input-token-count} header when sent. */
    record Invocation(ObjectNode body, long inputTokenHeader) {}

    enum Family
    {
        TITAN_V1(Set.of("encoding_format")),
        TITAN_V2(Set.of("encoding_format", "dimensions")),
        COHERE(Set.of("encoding_format", "input_type"));

        private final Set<String> supportedParameters;

        Family(Set<String> supportedParameters)
        {
            this.supportedParameters = supportedParameters;
        }

        Set<String> supportedParameters()
        {
            return supportedParameters;
        }

        /** The family of an embedding model id, or null for a model this adapter cannot embed with. */
        static Family of(String modelId)
        {
            if (modelId.contains("amazon.titan-embed-text-v2")) {
                return TITAN_V2;
            }
            if (modelId.contains("amazon.titan-embed-text") || modelId.contains("amazon.titan-embed-g1-text")) {
                return TITAN_V1;
            }
            if (modelId.contains("cohere.embed")) {
                return COHERE;
            }
            return null;
        }
    }

    private BedrockEmbeddings() {}

    /**
     * @param request the client's {@code /embeddings} body, unsupported parameters already dropped or refused
     * @param model the model name the answer carries
     */
    static ProviderResponse.Complete embed(ChatRequest request, Family family, String model, Invoker invoker)
    {
        List<String> inputs = inputs(request.get("input"));
        String encodingFormat = request.get("encoding_format").asText("float");
        if (!encodingFormat.equals("float") && !encodingFormat.equals("base64")) {
            throw ChatRequest.invalid("encoding_format", "'encoding_format' must be 'float' or 'base64'");
        }
        ObjectNode answer = Json.object();
        answer.put("object", "list");
        ArrayNode data = answer.putArray("data");
        long promptTokens = switch (family) {
            case TITAN_V1, TITAN_V2 -> embedOneByOne(request, family, inputs, invoker, data);
            case COHERE -> embedTogether(request, inputs, invoker, data);
        };
        answer.put("model", model);
        Usage usage = promptTokens < 0 ? Usage.UNKNOWN : new Usage(promptTokens, 0, promptTokens, 0, 0);
        if (usage.known()) {
            ObjectNode usageJson = answer.putObject("usage");
            usageJson.put("prompt_tokens", promptTokens);
            usageJson.put("total_tokens", promptTokens);
        }
        return new ProviderResponse.Complete(Json.bytes(answer), usage);
    }

    /** Titan embeds one text per call: the calls go one after another, the token counts add up. */
    private static long embedOneByOne(ChatRequest request, Family family, List<String> inputs, Invoker invoker, ArrayNode data)
    {
        long tokens = 0;
        for (int i = 0; i < inputs.size(); i++) {
            ObjectNode body = Json.object();
            body.put("inputText", inputs.get(i));
            if (family == Family.TITAN_V2 && request.has("dimensions")) {
                JsonNode dimensions = request.get("dimensions");
                if (!dimensions.canConvertToInt()) {
                    throw ChatRequest.invalid("dimensions", "'dimensions' must be an integer (256, 512 or 1024 for Titan v2)");
                }
                body.put("dimensions", dimensions.asInt());
            }
            ObjectNode answer = invoker.invoke(Json.bytes(body)).body();
            addEmbedding(data, i, answer.get("embedding"));
            tokens += answer.path("inputTextTokenCount").asLong(0);
        }
        return tokens;
    }

    /** Cohere embeds every text in one call; its body has no token count, the response header may. */
    private static long embedTogether(ChatRequest request, List<String> inputs, Invoker invoker, ArrayNode data)
    {
        ObjectNode body = Json.object();
        ArrayNode texts = body.putArray("texts");
        inputs.forEach(texts::add);
        // LiteLLM's default: the texts are documents to store
        body.put("input_type", request.has("input_type") ? request.get("input_type").asText() : "search_document");
        Invocation invocation = invoker.invoke(Json.bytes(body));
        JsonNode embeddings = invocation.body().path("embeddings");
        if (embeddings.isObject()) {
            // embedding_types asked for: the floats sit under "float"
            embeddings = embeddings.path("float");
        }
        if (!embeddings.isArray() || embeddings.size() != inputs.size()) {
            throw new ProviderException(ErrorKind.UPSTREAM_SERVER, "bedrock returned " + (embeddings.isArray() ? embeddings.size() : 0)
                    + " embeddings for " + inputs.size() + " inputs");
        }
        for (int i = 0; i < inputs.size(); i++) {
            addEmbedding(data, i, embeddings.get(i));
        }
        return invocation.inputTokenHeader();
    }

    private static void addEmbedding(ArrayNode data, int index, JsonNode vector)
    {
        if (vector == null || !vector.isArray()) {
            throw new ProviderException(ErrorKind.UPSTREAM_SERVER, "bedrock's embedding response has no embedding for input " + index);
        }
        ObjectNode item = data.addObject();
        item.put("object", "embedding");
        item.put("index", index);
        item.set("embedding", vector);
    }

    private static List<String> inputs(JsonNode input)
    {
        if (input.isTextual()) {
            return List.of(input.asText());
        }
        if (input.isArray() && !input.isEmpty()) {
            List<String> texts = new ArrayList<>(input.size());
            for (JsonNode item : input) {
                if (!item.isTextual()) {
                    throw ChatRequest.invalid("input", "bedrock embeds text: 'input' must be a string or an array of strings");
                }
                texts.add(item.asText());
            }
            return texts;
        }
        throw ChatRequest.invalid("input", "'input' must be a string or a non-empty array of strings");
    }
}
