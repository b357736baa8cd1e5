package io.junction.plugins.providers.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.plugins.providers.common.ChatRequest;
import io.junction.plugins.providers.common.Json;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.Usage;

/**
 * OpenAI's {@code /embeddings} on Ollama's {@code /api/embed}: {@code {model, input}} in (a string or a list of
 * strings), {@code {embeddings: [[...]], prompt_eval_count}} out, as OpenAI's {@code list} of {@code embedding}s.
 */
final class OllamaEmbeddings
{
    private OllamaEmbeddings() {}

    static ObjectNode request(ChatRequest request, String model, OllamaSettings settings)
    {
        JsonNode input = request.get("input");
        boolean strings = input.isTextual() || (input.isArray() && !input.isEmpty() && allTextual(input));
        if (!strings) {
            throw ChatRequest.invalid("input", "ollama embeds text only: 'input' must be a string or a non-empty array of strings");
        }
        String encoding = request.get("encoding_format").asText("float");
        if (!encoding.equals("float")) {
            throw ChatRequest.invalid("encoding_format", "ollama returns float embeddings only: drop encoding_format or set it to float");
        }
        ObjectNode body = Json.object();
        body.put("model", model);
        body.set("input", input);
        settings.keepAlive().ifPresent(keepAlive -> body.set("keep_alive", keepAlive));
        return body;
    }

    /**
     * @param estimatedPromptTokens the kernel's estimate, used when Ollama does not count the input
     */
    static Answer response(JsonNode json, String model, int estimatedPromptTokens)
    {
        if (!(json.get("embeddings") instanceof ArrayNode embeddings)) {
            throw new ProviderException(ErrorKind.UPSTREAM_SERVER, "ollama answered /api/embed without an 'embeddings' array");
        }
        ObjectNode list = Json.object();
        list.put("object", "list");
        ArrayNode data = list.putArray("data");
        for (int i = 0; i < embeddings.size(); i++) {
            ObjectNode item = data.addObject();
            item.put("object", "embedding");
            item.put("index", i);
            item.set("embedding", embeddings.get(i));
        }
        list.put("model", json.path("model").asText(model));
        JsonNode counted = json.get("prompt_eval_count");
        long prompt = counted != null && counted.canConvertToLong() ? counted.asLong() : Math.max(estimatedPromptTokens, 0);
        Usage usage = new Usage(prompt, 0, prompt, 0, 0);
        ObjectNode usageJson = list.putObject("usage");
        usageJson.put("prompt_tokens", prompt);
        usageJson.put("total_tokens", prompt);
        return new Answer(Json.bytes(list), usage);
    }

    private static boolean allTextual(JsonNode array)
    {
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    record Answer(byte[] body, Usage usage) {}
}
