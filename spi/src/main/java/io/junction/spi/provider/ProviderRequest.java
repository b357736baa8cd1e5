package io.junction.spi.provider;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One call as the client sent it, in OpenAI's wire format: the kernel parses only the few fields it routes on and
 * keeps the body as the bytes it received, so an OpenAI-compatible adapter can forward it without re-serialising.
 *
 * @param callId the gateway's id for this request (also sent back as {@code x-junction-call-id})
 * @param endpoint which OpenAI endpoint was called
 * @param modelGroup the model name the client asked for ({@code model_name} in config)
 * @param stream whether the client asked for server-sent events
 * @param body the client's JSON body, byte for byte
 * @param modelValueStart offset in {@code body} of the first byte of the top-level {@code "model"} string value
 *        (its opening quote), or -1 when there is none
 * @param modelValueEnd offset just past that value's closing quote, or -1
 * @param estimatedPromptTokens a cheap estimate of the prompt's size, for routing and limits
 */
public record ProviderRequest(
        String callId,
        Endpoint endpoint,
        String modelGroup,
        boolean stream,
        byte[] body,
        int modelValueStart,
        int modelValueEnd,
        int estimatedPromptTokens)
{
    public ProviderRequest
    {
        Objects.requireNonNull(callId, "callId is null");
        Objects.requireNonNull(endpoint, "endpoint is null");
        Objects.requireNonNull(modelGroup, "modelGroup is null");
        Objects.requireNonNull(body, "body is null");
        if (modelValueStart > modelValueEnd || modelValueEnd > body.length || (modelValueStart < 0) != (modelValueEnd < 0)) {
            throw new IllegalArgumentException("model value span [" + modelValueStart + ", " + modelValueEnd + ") is not inside the body");
        }
    }

    /**
     * The body with the top-level {@code model} replaced by the upstream's model name, spliced as bytes: the rest of
     * the body is untouched, so this costs one copy and no JSON parsing.
     */
    public byte[] bodyWithModel(String upstreamModel)
    {
        if (modelValueStart < 0) {
            throw new IllegalStateException("the request body has no top-level model to replace");
        }
        byte[] replacement = JsonStrings.quote(upstreamModel).getBytes(StandardCharsets.UTF_8);
        byte[] spliced = new byte[body.length - (modelValueEnd - modelValueStart) + replacement.length];
        System.arraycopy(body, 0, spliced, 0, modelValueStart);
        System.arraycopy(replacement, 0, spliced, modelValueStart, replacement.length);
        System.arraycopy(body, modelValueEnd, spliced, modelValueStart + replacement.length, body.length - modelValueEnd);
        return spliced;
    }

    // arrays are compared by identity in records; the body is the same bytes for the whole call
    @Override
    public String toString()
    {
        return "ProviderRequest[callId=" + callId + ", endpoint=" + endpoint + ", modelGroup=" + modelGroup
                + ", stream=" + stream + ", bodyBytes=" + body.length + "]";
    }
}
