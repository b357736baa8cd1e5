package io.junction.plugins.providers.gemini;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Gemini's function calls have no ids, so the gateway makes OpenAI's ({@code call_<uuid>}). A Gemini 3 model also
 * signs its function calls ({@code thoughtSignature}) and refuses a later turn that does not send the signature back;
 * OpenAI clients only keep the id, so the signature travels inside it, after {@value #THOUGHT_SIGNATURE_SEPARATOR},
 * exactly as LiteLLM encodes it.
 */
final class ToolCallIds
{
    static final String THOUGHT_SIGNATURE_SEPARATOR = "__thought__";

    private final Supplier<UUID> uuids;

    ToolCallIds(Supplier<UUID> uuids)
    {
        this.uuids = Objects.requireNonNull(uuids, "uuids is null");
    }

    String newId(Optional<String> thoughtSignature)
    {
        String id = "call_" + uuids.get();
        return thoughtSignature.map(signature -> id + THOUGHT_SIGNATURE_SEPARATOR + signature).orElse(id);
    }

    /** A fresh {@code chatcmpl-<uuid>}, for a response that carries no id of its own. */
    String newCompletionId()
    {
        return "chatcmpl-" + uuids.get();
    }

    /** The signature carried by an id this class made, if any. */
    static Optional<String> thoughtSignature(String toolCallId)
    {
        int separator = toolCallId.indexOf(THOUGHT_SIGNATURE_SEPARATOR);
        if (separator < 0) {
            return Optional.empty();
        }
        return Optional.of(toolCallId.substring(separator + THOUGHT_SIGNATURE_SEPARATOR.length())).filter(s -> !s.isEmpty());
    }
}
