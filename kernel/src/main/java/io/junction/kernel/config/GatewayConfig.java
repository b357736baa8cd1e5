package io.junction.kernel.config;

import java.util.List;
import java.util.Objects;

/**
 * A loaded, validated LiteLLM-style {@code config.yaml}.
 *
 * @param warnings one line per key Junction does not support (yet), for the log at startup
 */
public record GatewayConfig(
        List<ModelDeployment> modelList,
        RouterSettings routerSettings,
        LitellmSettings litellmSettings,
        GeneralSettings generalSettings,
        List<String> warnings)
{
    public GatewayConfig
    {
        modelList = List.copyOf(modelList);
        Objects.requireNonNull(routerSettings, "routerSettings is null");
        Objects.requireNonNull(litellmSettings, "litellmSettings is null");
        Objects.requireNonNull(generalSettings, "generalSettings is null");
        warnings = List.copyOf(warnings);
    }
}
