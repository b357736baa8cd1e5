package io.junction.plugins.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.plugins.providers.common.ChatRequest;
import io.junction.plugins.providers.common.Json;
import io.junction.plugins.providers.common.ParameterPolicy;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.JsonStrings;
import io.junction.spi.provider.ProviderRequest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes the body an OpenAI-compatible upstream receives. The common case costs one byte copy: the client's bytes
 * with {@code model} spliced in, and for a stream that did not ask for usage, {@code stream_options} spliced in too,
 * because the gateway needs every stream's usage. Only a body that mentions a parameter the upstream refuses or
 * renames (found by a byte search, confirmed by a streaming parse) is parsed into a tree and written anew.
 */
final class PassThroughBody
{
    private static final String STREAM_OPTIONS = "stream_options";
    private static final String DROP_PARAMS = "drop_params";
    private static final byte[] INCLUDE_USAGE_MEMBER = "\"stream_options\":{\"include_usage\":true},".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NOTHING = new byte[0];

    private final byte[] upstreamModel;
    private final String upstreamModelName;
    private final ParameterRules rules;
    private final ParameterPolicy policy;
    private final boolean supportsStreamOptions;
    private final Watched chatWatched;
    private final Watched otherWatched;

    /**
     * @param policy the deployment's {@code drop_params} and {@code additional_drop_params}
     */
    PassThroughBody(PassThroughTarget target, ParameterPolicy policy)
    {
        this.upstreamModelName = target.upstreamModel();
        this.upstreamModel = JsonStrings.quote(target.upstreamModel()).getBytes(StandardCharsets.UTF_8);
        this.rules = target.parameterRules();
        this.policy = policy;
        this.supportsStreamOptions = target.supportsStreamOptions();
        // drop_params is LiteLLM's, never a provider parameter: an upstream would refuse it
        Set<String> other = new LinkedHashSet<>(policy.alwaysDropped());
        other.add(DROP_PARAMS);
        Set<String> chat = new LinkedHashSet<>(other);
        chat.addAll(rules.names());
        this.otherWatched = Watched.of(other);
        this.chatWatched = Watched.of(chat);
    }

    /**
     * @throws io.junction.spi.provider.ProviderException INVALID_REQUEST naming a refused parameter, when dropping
     *         is off
     */
    Prepared prepare(ProviderRequest request)
    {
        byte[] body = request.body();
        boolean chat = request.endpoint() == Endpoint.CHAT_COMPLETIONS;
        boolean askUsage = request.stream() && supportsStreamOptions && request.endpoint() != Endpoint.EMBEDDINGS;
        Watched watched = chat ? chatWatched : otherWatched;
        // stream_options matters only when the gateway is about to ask for usage itself
        if (!OpenAiBodyScanner.mentionsAny(body, askUsage ? watched.keysWithStreamOptions() : watched.keys())) {
            return new Prepared(splice(request, askUsage), askUsage);
        }

        TopLevelFacts facts = TopLevelFacts.scan(body, watched.names());
        List<String> refused = chat ? rules.refused(facts.present(), upstreamModelName) : List.of();
        boolean rewrite = !refused.isEmpty() || facts.keys().contains(DROP_PARAMS)
                || policy.alwaysDropped().stream().anyMatch(facts.keys()::contains)
                || (chat && rules.renames().keySet().stream().anyMatch(facts.present()::containsKey));
        boolean suppressUsage = askUsage && facts.streamUsage() != TopLevelFacts.StreamUsage.REQUESTED;
        boolean setStreamOptions = suppressUsage && facts.streamUsage() == TopLevelFacts.StreamUsage.NOT_REQUESTED;
        if (!rewrite && !setStreamOptions) {
            return new Prepared(splice(request, suppressUsage), suppressUsage);
        }
        return new Prepared(rewritten(body, chat, refused, suppressUsage), suppressUsage);
    }

    /** The rare slow path: the body as a tree, refused parameters dropped (or refused), renamed, written anew. */
    private byte[] rewritten(byte[] body, boolean chat, List<String> refused, boolean includeUsage)
    {
        ObjectNode json = Json.parseObject(body, "the request body", ErrorKind.INVALID_REQUEST);
        ChatRequest request = ChatRequest.of(json);
        List<String> supported = new ArrayList<>(request.parameterNames());
        supported.removeAll(refused);
        policy.supporting(Set.copyOf(supported)).apply(request);
        json.remove(DROP_PARAMS);
        if (chat) {
            for (Map.Entry<String, String> rename : rules.renames().entrySet()) {
                JsonNode value = json.remove(rename.getKey());
                if (value != null && !value.isNull()) {
                    json.set(rename.getValue(), value);
                }
            }
        }
        json.put("model", upstreamModelName);
        if (includeUsage) {
            if (!(json.get(STREAM_OPTIONS) instanceof ObjectNode)) {
                json.putObject(STREAM_OPTIONS);
            }
            ((ObjectNode) json.get(STREAM_OPTIONS)).put("include_usage", true);
        }
        return Json.bytes(json);
    }

    /**
     * The body with the upstream's model in place of the client's, and with {@code stream_options} asking for usage
     * as the object's first member when {@code withUsage}: one copy, no parsing.
     */
    private byte[] splice(ProviderRequest request, boolean withUsage)
    {
        byte[] body = request.body();
        int start = request.modelValueStart();
        int end = request.modelValueEnd();
        byte[] insertion = withUsage ? INCLUDE_USAGE_MEMBER : NOTHING;
        // the model sits inside the object, so its opening brace comes first and a member follows the insertion
        int insertAt = withUsage ? openingBrace(body) + 1 : 0;
        byte[] spliced = new byte[body.length + insertion.length - (end - start) + upstreamModel.length];
        int at = 0;
        System.arraycopy(body, 0, spliced, at, insertAt);
        at += insertAt;
        System.arraycopy(insertion, 0, spliced, at, insertion.length);
        at += insertion.length;
        System.arraycopy(body, insertAt, spliced, at, start - insertAt);
        at += start - insertAt;
        System.arraycopy(upstreamModel, 0, spliced, at, upstreamModel.length);
        at += upstreamModel.length;
        System.arraycopy(body, end, spliced, at, body.length - end);
        return spliced;
    }

    private static int openingBrace(byte[] body)
    {
        for (int i = 0; i < body.length; i++) {
            if (body[i] == '{') {
                return i;
            }
        }
        throw new IllegalStateException("a body with a model span has an opening brace");
    }

    /**
     * The top-level keys the pass-through watches on one kind of endpoint, and the same names quoted, as the byte
     * search looks for them (with {@code stream_options} added, for a stream the gateway asks usage of).
     */
    private record Watched(Set<String> names, byte[][] keys, byte[][] keysWithStreamOptions)
    {
        static Watched of(Set<String> names)
        {
            byte[][] keys = names.stream().map(Watched::quoted).toArray(byte[][]::new);
            byte[][] withStreamOptions = Arrays.copyOf(keys, keys.length + 1);
            withStreamOptions[keys.length] = quoted(STREAM_OPTIONS);
            return new Watched(Set.copyOf(names), keys, withStreamOptions);
        }

        private static byte[] quoted(String key)
        {
            return JsonStrings.quote(key).getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * @param body what to send upstream
     * @param suppressUsageChunk the gateway asked the upstream for usage the client did not want: the stream's
     *        usage-only chunk is recorded, not forwarded
     */
    record Prepared(byte[] body, boolean suppressUsageChunk) {}
}
