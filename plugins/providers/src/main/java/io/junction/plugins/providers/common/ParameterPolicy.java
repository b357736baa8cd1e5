package io.junction.plugins.providers.common;

import io.junction.spi.ConfigView;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.DeploymentSpec;
import io.junction.spi.provider.ProviderContext;
import io.junction.spi.provider.ProviderException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * LiteLLM's {@code drop_params}: an OpenAI parameter the provider does not support fails the request with a 400 that
 * says how to drop it, unless dropping is on ({@code litellm_settings.drop_params}, the deployment's
 * {@code litellm_params.drop_params}, or {@code "drop_params": true} in the request). Parameters listed in
 * {@code litellm_params.additional_drop_params} are always removed.
 */
public final class ParameterPolicy
{
    /** Keys any request may carry that are the gateway's business, never a provider parameter. */
    public static final Set<String> GATEWAY_KEYS = Set.of("model", "messages", "stream", "drop_params", "metadata",
            "mock_response", "caching", "cache", "num_retries", "fallbacks", "context_window_fallbacks", "tags", "input", "prompt");

    private final String provider;
    private final String model;
    private final Set<String> supported;
    private final boolean dropUnsupported;
    private final Set<String> alwaysDropped;

    private ParameterPolicy(String provider, String model, Set<String> supported, boolean dropUnsupported, Set<String> alwaysDropped)
    {
        this.provider = Objects.requireNonNull(provider, "provider is null");
        this.model = Objects.requireNonNull(model, "model is null");
        this.supported = Set.copyOf(supported);
        this.dropUnsupported = dropUnsupported;
        this.alwaysDropped = Set.copyOf(alwaysDropped);
    }

    /**
     * @param supported the OpenAI parameters the adapter maps or passes on (besides {@link #GATEWAY_KEYS})
     */
    public static ParameterPolicy of(DeploymentSpec deployment, ProviderContext context, Set<String> supported)
    {
        ConfigView params = deployment.params();
        boolean drop = context.dropParams() || params.bool("drop_params").orElse(false);
        return new ParameterPolicy(deployment.provider(), deployment.model(), supported, drop,
                Set.copyOf(params.stringList("additional_drop_params")));
    }

    /**
     * Removes what is to be dropped from the request, or fails naming what the provider cannot take.
     *
     * @throws ProviderException INVALID_REQUEST (400) listing the unsupported parameters and the fix
     */
    public void apply(ChatRequest request)
    {
        alwaysDropped.forEach(request.json()::remove);
        List<String> unsupported = new ArrayList<>();
        for (String name : request.parameterNames()) {
            if (!GATEWAY_KEYS.contains(name) && !supported.contains(name) && request.has(name)) {
                unsupported.add(name);
            }
        }
        if (unsupported.isEmpty()) {
            return;
        }
        if (dropsUnsupported(request)) {
            unsupported.forEach(request.json()::remove);
            return;
        }
        throw new ProviderException(ErrorKind.INVALID_REQUEST, provider + " does not support parameters: " + unsupported + ", for model="
                + model + ". To drop these, set `drop_params: true` under litellm_settings in the proxy config (or send"
                + " \"drop_params\": true in the request).", 400, "unsupported_params", unsupported.get(0), null, Map.of(), null);
    }

    /**
     * Whether what the provider cannot take is dropped rather than refused: by configuration, or by the request's own
     * {@code drop_params}.
     */
    public boolean dropsUnsupported(ChatRequest request)
    {
        return dropUnsupported || request.get("drop_params").asBoolean(false);
    }

    /** {@code additional_drop_params}: removed from every request. */
    public Set<String> alwaysDropped()
    {
        return alwaysDropped;
    }

    /** The same deployment's dropping rules for another set of supported parameters. */
    public ParameterPolicy supporting(Set<String> parameters)
    {
        return new ParameterPolicy(provider, model, parameters, dropUnsupported, alwaysDropped);
    }
}
