package io.junction.tck.validate;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one kit run of the validator checks: an extension of the loaded plugin, the capabilities the user claimed for
 * it on the command line, and, for a provider, the extra {@code litellm_params} and whether it calls an upstream.
 *
 * @param providerParams extra {@code litellm_params}; {@code {base}} and {@code {api_key}} in a value are replaced by the
 *        fake upstream's base URI and the kit's API key
 */
public record ValidationTarget(Extension extension, Set<String> claimedCapabilities, Map<String, String> providerParams, boolean callsUpstream)
{
    public ValidationTarget
    {
        Objects.requireNonNull(extension, "extension is null");
        claimedCapabilities = Set.copyOf(claimedCapabilities);
        providerParams = Map.copyOf(providerParams);
    }

    public ValidationTarget withCallsUpstream(boolean calls)
    {
        return new ValidationTarget(extension, claimedCapabilities, providerParams, calls);
    }

    /** A provider's {@code litellm_params}: LiteLLM's usual api_base and api_key, then the user's extra parameters. */
    public Map<String, Object> providerParams(URI fakeBase, String apiKey)
    {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("api_base", fakeBase.toString());
        params.put("api_key", apiKey);
        providerParams.forEach((key, value) -> params.put(key, value.replace("{base}", fakeBase.toString()).replace("{api_key}", apiKey)));
        return params;
    }
}
