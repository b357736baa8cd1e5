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
    private static final byte[] STREAM_OPTIONS_KEY = quoted(STREAM_OPTIONS);
    private static final byte[] INCLUDE_USAGE_MEMBER = "\"stream_options\":{\"include_usage\":true},".getBytes(StandardCharsets.US_ASCII);

    private final String provider;
    private final String model;
    private final byte[] upstreamModel;
    private final String upstreamModelName;
    private final ParameterRules rules;
    private final boolean dropUnsupported;
    private final Set<String> alwaysDropped;
    private final boolean supportsStreamOptions;
    private final Set<String> chatWatched;
    private final Set<String> otherWatched;
    private final byte[][] chatNeedles;
    private final byte[][] otherNeedles;

    /**
     * @param model the deployment's model, named in a refusal
     * @param dropUnsupported LiteLLM's {@code drop_params} for this deployment
     * @param alwaysDropped {@code additional_drop_params}
     */
    PassThroughBody(PassThroughTarget target, String model, boolean dropUnsupported, Set<String> alwaysDropped)
    {
        this.provider = target.provider();
        this.model = model;
        this.upstreamModelName = target.upstreamModel();
        this.upstreamModel = JsonStrings.quote(target.upstreamModel()).getBytes(StandardCharsets.UTF_8);
        this.rules = target.parameterRules();
        this.dropUnsupported = dropUnsupported;
        this.alwaysDropped = Set.copyOf(alwaysDropped);
        this.supportsStreamOptions = target.supportsStreamOptions();
        // drop_params is LiteLLM's, never a provider parameter: an upstream would refuse it
        Set<String> other = new LinkedHashSet<>(alwaysDropped);
        other.add(DROP_PARAMS);
        Set<String> chat = new LinkedHashSet<>(other);
        chat.addAll(rules.names());
        this.otherWatched = Set.copyOf(other);
        this.chatWatched = Set.copyOf(chat);
        this.otherNeedles = needles(other);
        this.chatNeedles = needles(chat);
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
        boolean watchedMentioned = mentionsAny(body, chat ? chatNeedles : otherNeedles);
        boolean streamOptionsMentioned = askUsage && OpenAiBodyScanner.indexOf(body, STREAM_OPTIONS_KEY) >= 0;
        if (!watchedMentioned && !streamOptionsMentioned) {
            return askUsage ? new Prepared(splice(request, true), true) : new Prepared(splice(request, false), false);
        }

        TopLevelFacts facts = TopLevelFacts.scan(body, chat ? chatWatched : otherWatched);
        List<String> refused = chat ? rules.refused(facts.present(), upstreamModelName) : List.of();
        boolean rewrite = !refused.isEmpty() || facts.keys().contains(DROP_PARAMS)
                || alwaysDropped.stream().anyMatch(facts.keys()::contains)
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
        new ParameterPolicy(provider, model, Set.copyOf(supported), dropUnsupported, alwaysDropped).apply(request);
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
        byte[] insertion = withUsage ? INCLUDE_USAGE_MEMBER : new byte[0];
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

    private static boolean mentionsAny(byte[] body, byte[][] needles)
    {
        for (byte[] needle : needles) {
            if (OpenAiBodyScanner.indexOf(body, needle) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static byte[][] needles(Set<String> names)
    {
        return names.stream().map(PassThroughBody::quoted).toArray(byte[][]::new);
    }

    private static byte[] quoted(String key)
    {
        return JsonStrings.quote(key).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param body what to send upstream
     * @param suppressUsageChunk the gateway asked the upstream for usage the client did not want: the stream's
     *        usage-only chunk is recorded, not forwarded
     */
    record Prepared(byte[] body, boolean suppressUsageChunk) {}
}
