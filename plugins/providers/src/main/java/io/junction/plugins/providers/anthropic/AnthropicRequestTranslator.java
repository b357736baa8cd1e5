package io.junction.plugins.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.plugins.providers.common.ChatRequest;
import io.junction.plugins.providers.common.Json;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds the body of {@code POST /v1/messages} from an OpenAI chat request, parameter by parameter as LiteLLM's
 * {@code AnthropicConfig} maps them. Parameters Anthropic cannot take never get here: {@link #SUPPORTED} is what the
 * adapter's {@code ParameterPolicy} lets through.
 */
final class AnthropicRequestTranslator
{
    /** The OpenAI parameters this translation maps or passes on. */
    static final Set<String> SUPPORTED = Set.of("stop", "temperature", "top_p", "top_k", "max_tokens", "max_completion_tokens",
            "tools", "tool_choice", "parallel_tool_calls", "response_format", "user", "thinking", "reasoning_effort", "stream_options");

    /** LiteLLM's thinking budgets for {@code reasoning_effort}. */
    private static final int LOW_EFFORT_BUDGET = 1024;
    private static final int MEDIUM_EFFORT_BUDGET = 2048;
    private static final int HIGH_EFFORT_BUDGET = 4096;
    /** LiteLLM's {@code DEFAULT_MAX_TOKENS}: the room left for the answer when only a thinking budget is known. */
    private static final int ANSWER_TOKENS_AFTER_THINKING = 4096;

    // LiteLLM leaves out a user id that looks like an email or a phone number: Anthropic refuses them
    private static final Pattern EMAIL = Pattern.compile("[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?[\\d\\s()-]{7,}");

    private final String model;
    private final int defaultMaxTokens;

    AnthropicRequestTranslator(String model, int defaultMaxTokens)
    {
        this.model = Objects.requireNonNull(model, "model is null");
        this.defaultMaxTokens = defaultMaxTokens;
    }

    /**
     * @param jsonMode whether {@code response_format} was turned into the forced {@link AnthropicTools#JSON_TOOL_NAME}
     *        tool, whose input is then the answer's content
     */
    record Translated(ObjectNode body, boolean jsonMode) {}

    Translated translate(ChatRequest request, boolean stream)
    {
        ObjectNode body = Json.object();
        body.put("model", model);
        AnthropicMessages messages = AnthropicMessages.translate(request.messages());
        messages.system().ifPresent(system -> body.set("system", system));
        body.set("messages", messages.messages());

        Optional<ObjectNode> thinking = thinking(request);
        body.put("max_tokens", maxTokens(request, thinking));
        List<String> stop = request.stop();
        if (!stop.isEmpty()) {
            ArrayNode sequences = body.putArray("stop_sequences");
            stop.forEach(sequences::add);
        }
        copyNumber(request, "temperature", body);
        copyNumber(request, "top_p", body);
        copyNumber(request, "top_k", body);
        userId(request).ifPresent(user -> body.putObject("metadata").put("user_id", user));
        thinking.ifPresent(value -> body.set("thinking", value));

        if (request.has("tools")) {
            body.set("tools", AnthropicTools.tools(request.get("tools")));
        }
        AnthropicTools.toolChoice(request.json().get("tool_choice"), request.json().get("parallel_tool_calls"))
                .ifPresent(choice -> body.set("tool_choice", choice));
        boolean jsonMode = false;
        if (request.has("response_format")) {
            Optional<ObjectNode> jsonTool = AnthropicTools.responseFormatTool(request.get("response_format"));
            if (jsonTool.isPresent()) {
                jsonMode = true;
                body.withArray("tools").add(jsonTool.get());
                // Anthropic refuses a forced tool while thinking; the model is then only offered it, as in LiteLLM
                if (!thinkingEnabled(thinking)) {
                    ObjectNode forced = body.putObject("tool_choice");
                    forced.put("type", "tool");
                    forced.put("name", AnthropicTools.JSON_TOOL_NAME);
                }
            }
        }
        if (stream) {
            body.put("stream", true);
        }
        return new Translated(body, jsonMode);
    }

    /** {@code max_completion_tokens} or {@code max_tokens}; else room for the thinking budget and an answer; else the default. */
    private int maxTokens(ChatRequest request, Optional<ObjectNode> thinking)
    {
        OptionalInt requested = request.maxTokens();
        if (requested.isPresent()) {
            return requested.getAsInt();
        }
        JsonNode budget = thinking.map(value -> value.path("budget_tokens")).orElse(Json.NODES.missingNode());
        if (thinkingEnabled(thinking) && budget.canConvertToInt()) {
            return budget.asInt() + ANSWER_TOKENS_AFTER_THINKING;
        }
        return defaultMaxTokens;
    }

    /** {@code thinking} as the client wrote it (Anthropic's own shape), else the budget {@code reasoning_effort} stands for. */
    private static Optional<ObjectNode> thinking(ChatRequest request)
    {
        if (request.has("thinking")) {
            if (!(request.get("thinking") instanceof ObjectNode thinking)) {
                throw ChatRequest.invalid("thinking", "'thinking' must be an object such as {\"type\": \"enabled\", \"budget_tokens\": 2048}");
            }
            return Optional.of(thinking.deepCopy());
        }
        if (!request.has("reasoning_effort")) {
            return Optional.empty();
        }
        String effort = request.get("reasoning_effort").asText("");
        int budget = switch (effort) {
            case "none" -> 0;
            case "low" -> LOW_EFFORT_BUDGET;
            case "medium" -> MEDIUM_EFFORT_BUDGET;
            case "high" -> HIGH_EFFORT_BUDGET;
            default -> throw ChatRequest.invalid("reasoning_effort", "'reasoning_effort' must be none, low, medium or high for anthropic"
                    + " but was '" + effort + "'");
        };
        if (budget == 0) {
            return Optional.empty();
        }
        ObjectNode thinking = Json.object();
        thinking.put("type", "enabled");
        thinking.put("budget_tokens", budget);
        return Optional.of(thinking);
    }

    private static boolean thinkingEnabled(Optional<ObjectNode> thinking)
    {
        return thinking.map(value -> "enabled".equals(value.path("type").asText())).orElse(false);
    }

    private static Optional<String> userId(ChatRequest request)
    {
        JsonNode user = request.get("user");
        if (!user.isTextual() || user.asText().isEmpty()) {
            return Optional.empty();
        }
        String id = user.asText();
        return EMAIL.matcher(id).matches() || PHONE.matcher(id).matches() ? Optional.empty() : Optional.of(id);
    }

    private static void copyNumber(ChatRequest request, String name, ObjectNode body)
    {
        // validates, then copies the client's own number node so 0.7 stays 0.7
        if (request.number(name).isPresent()) {
            body.set(name, request.get(name));
        }
    }
}
