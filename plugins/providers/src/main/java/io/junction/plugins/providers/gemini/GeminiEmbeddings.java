package io.junction.plugins.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.plugins.providers.common.ChatRequest;
import io.junction.plugins.providers.common.Json;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.Usage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * OpenAI {@code /embeddings} over Google's two embedding APIs: Gemini's {@code batchEmbedContents} and Vertex's
 * {@code predict}. Either way the answer is OpenAI's list of embeddings, as floats or, for
 * {@code encoding_format: base64}, as little-endian float32 bytes in base64, as OpenAI encodes them.
 */
final class GeminiEmbeddings
{
    /** The OpenAI embedding parameters translated here (besides {@code model} and {@code input}). */
    static final Set<String> SUPPORTED_PARAMETERS = Set.of("dimensions", "encoding_format", "user");

    private GeminiEmbeddings() {}

    /** What the client asked to embed. */
    record Input(List<String> texts, OptionalInt dimensions, boolean base64)
    {
        Input
        {
            texts = List.copyOf(texts);
        }

        static Input parse(ChatRequest request)
        {
            JsonNode input = request.get("input");
            List<String> texts = new ArrayList<>();
            if (input.isTextual()) {
                texts.add(input.asText());
            }
            else if (input.isArray() && !input.isEmpty()) {
                for (JsonNode item : input) {
                    if (!item.isTextual()) {
                        throw ChatRequest.invalid("input", "'input' must be a string or an array of strings "
                                + "(token arrays are not supported by gemini)");
                    }
                    texts.add(item.asText());
                }
            }
            else {
                throw ChatRequest.invalid("input", "'input' must be a string or a non-empty array of strings");
            }
            OptionalInt dimensions = OptionalInt.empty();
            if (request.has("dimensions")) {
                JsonNode value = request.get("dimensions");
                if (!value.canConvertToInt() || value.asInt() < 1) {
                    throw ChatRequest.invalid("dimensions", "'dimensions' must be a positive integer");
                }
                dimensions = OptionalInt.of(value.asInt());
            }
            String encoding = request.has("encoding_format") ? request.get("encoding_format").asText("") : "float";
            if (!encoding.equals("float") && !encoding.equals("base64")) {
                throw ChatRequest.invalid("encoding_format", "'encoding_format' must be float or base64");
            }
            return new Input(texts, dimensions, encoding.equals("base64"));
        }
    }

    /** The vectors an API returned, in input order, and the tokens it counted, if it did. */
    record Vectors(List<JsonNode> values, OptionalLong promptTokens)
    {
        Vectors
        {
            values = List.copyOf(values);
        }
    }

    /** The two wire formats. */
    enum Api
    {
        /** Gemini's {@code models/{model}:batchEmbedContents}. */
        BATCH_EMBED_CONTENTS("batchEmbedContents")
        {
            @Override
            ObjectNode request(String model, Input input)
            {
                ObjectNode body = Json.object();
                ArrayNode requests = body.putArray("requests");
                String modelName = model.startsWith("models/") ? model : "models/" + model;
                for (String text : input.texts()) {
                    ObjectNode request = requests.addObject();
                    request.put("model", modelName);
                    request.putObject("content").putArray("parts").addObject().put("text", text);
                    input.dimensions().ifPresent(dimensions -> request.put("outputDimensionality", dimensions));
                }
                return body;
            }

            @Override
            Vectors response(ObjectNode body)
            {
                List<JsonNode> values = new ArrayList<>();
                for (JsonNode embedding : body.path("embeddings")) {
                    values.add(embedding.path("values"));
                }
                JsonNode tokens = body.path("usageMetadata").path("promptTokenCount");
                return new Vectors(values, tokens.isNumber() ? OptionalLong.of(tokens.asLong()) : OptionalLong.empty());
            }
        },
        /** Vertex's {@code publishers/google/models/{model}:predict}. */
        PREDICT("predict")
        {
            @Override
            ObjectNode request(String model, Input input)
            {
                ObjectNode body = Json.object();
                ArrayNode instances = body.putArray("instances");
                input.texts().forEach(text -> instances.addObject().put("content", text));
                input.dimensions().ifPresent(dimensions -> body.putObject("parameters").put("outputDimensionality", dimensions));
                return body;
            }

            @Override
            Vectors response(ObjectNode body)
            {
                List<JsonNode> values = new ArrayList<>();
                long tokens = 0;
                boolean counted = false;
                for (JsonNode prediction : body.path("predictions")) {
                    JsonNode embeddings = prediction.path("embeddings");
                    values.add(embeddings.path("values"));
                    JsonNode count = embeddings.path("statistics").path("token_count");
                    if (count.isNumber()) {
                        tokens += count.asLong();
                        counted = true;
                    }
                }
                return new Vectors(values, counted ? OptionalLong.of(tokens) : OptionalLong.empty());
            }
        };

        private final String method;

        Api(String method)
        {
            this.method = method;
        }

        /** The method of the model's URL, after its {@code :}. */
        String method()
        {
            return method;
        }

        abstract ObjectNode request(String model, Input input);

        abstract Vectors response(ObjectNode body);
    }

    /**
     * OpenAI's embedding list.
     *
     * @param estimatedPromptTokens the gateway's estimate, reported when the API counts nothing (Gemini's batch API)
     */
    static byte[] toOpenAi(Vectors vectors, Input input, String model, String provider, long estimatedPromptTokens)
    {
        if (vectors.values().size() != input.texts().size()) {
            throw new ProviderException(ErrorKind.UPSTREAM_SERVER, provider + " returned " + vectors.values().size()
                    + " embeddings for " + input.texts().size() + " inputs");
        }
        ObjectNode body = Json.object();
        body.put("object", "list");
        ArrayNode data = body.putArray("data");
        for (int i = 0; i < vectors.values().size(); i++) {
            JsonNode values = vectors.values().get(i);
            if (!values.isArray()) {
                throw new ProviderException(ErrorKind.UPSTREAM_SERVER, provider + " returned an embedding without values");
            }
            ObjectNode item = data.addObject();
            item.put("object", "embedding");
            item.put("index", i);
            if (input.base64()) {
                item.put("embedding", base64(values));
            }
            else {
                item.set("embedding", values);
            }
        }
        body.put("model", model);
        Usage usage = usage(vectors, estimatedPromptTokens);
        ObjectNode usageJson = body.putObject("usage");
        usageJson.put("prompt_tokens", usage.promptTokens());
        usageJson.put("total_tokens", usage.totalTokens());
        return Json.bytes(body);
    }

    static Usage usage(Vectors vectors, long estimatedPromptTokens)
    {
        long tokens = vectors.promptTokens().orElse(Math.max(0, estimatedPromptTokens));
        return Usage.of(tokens, 0);
    }

    private static String base64(JsonNode values)
    {
        ByteBuffer bytes = ByteBuffer.allocate(values.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (JsonNode value : values) {
            bytes.putFloat(value.floatValue());
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
