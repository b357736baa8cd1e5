package io.junction.kernel.http;

import java.util.Optional;

/**
 * The few fields of a request body the gateway routes on, read in one streaming pass; everything else stays bytes.
 *
 * @param modelValueStart offset of the model value's opening quote in the body
 * @param modelValueEnd offset just past its closing quote
 * @param includeUsage {@code stream_options.include_usage}
 * @param promptCharacters about the amount of text in {@code messages}, {@code prompt} or {@code input} (bytes of their
 *        JSON, not decoded), for token estimates
 */
public record ScannedRequest(
        String model,
        int modelValueStart,
        int modelValueEnd,
        boolean stream,
        boolean includeUsage,
        Optional<String> user,
        long promptCharacters)
{
    /** About four characters per token for English text; good enough to reserve against limits. */
    public int estimatedPromptTokens()
    {
        return (int) Math.min(Integer.MAX_VALUE, (promptCharacters + 3) / 4);
    }
}
