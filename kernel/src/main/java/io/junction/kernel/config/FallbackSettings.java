package io.junction.kernel.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a request goes when its model group fails ({@code router_settings}, else {@code litellm_settings}), with
 * LiteLLM's names and defaults. Each map is ordered as written: model group to the groups to try, in order. The
 * key {@code "*"} applies to every group without an entry of its own.
 *
 * @param fallbacks {@code fallbacks}: for any failure another group might not have
 * @param contextWindow {@code context_window_fallbacks}: for a prompt too long for the group; when absent, such a
 *        failure uses {@code fallbacks}
 * @param contentPolicy {@code content_policy_fallbacks}: for a content policy refusal; when absent, such a failure
 *        uses {@code fallbacks}
 * @param defaults {@code default_fallbacks}: the groups tried when {@code fallbacks} has no entry for the group
 * @param maxFallbacks {@code max_fallbacks}: how many fallback groups one request may try (default 5)
 */
public record FallbackSettings(
        Map<String, List<String>> fallbacks,
        Optional<Map<String, List<String>>> contextWindow,
        Optional<Map<String, List<String>>> contentPolicy,
        List<String> defaults,
        int maxFallbacks)
{
    public static final int DEFAULT_MAX_FALLBACKS = 5;
    public static final FallbackSettings NONE = new FallbackSettings(Map.of(), Optional.empty(), Optional.empty(), List.of(), DEFAULT_MAX_FALLBACKS);

    public FallbackSettings
    {
        fallbacks = copy(fallbacks);
        contextWindow = Objects.requireNonNull(contextWindow, "contextWindow is null").map(FallbackSettings::copy);
        contentPolicy = Objects.requireNonNull(contentPolicy, "contentPolicy is null").map(FallbackSettings::copy);
        defaults = List.copyOf(defaults);
        if (maxFallbacks < 0) {
            throw new IllegalArgumentException("maxFallbacks must not be negative");
        }
    }

    /** Every group named as a fallback target, for checks against the model list. */
    public List<String> targets()
    {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        fallbacks.values().forEach(names::addAll);
        contextWindow.ifPresent(map -> map.values().forEach(names::addAll));
        contentPolicy.ifPresent(map -> map.values().forEach(names::addAll));
        names.addAll(defaults);
        return List.copyOf(names);
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> map)
    {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        map.forEach((group, targets) -> copy.put(Objects.requireNonNull(group, "group is null"), List.copyOf(targets)));
        return java.util.Collections.unmodifiableMap(copy);
    }
}
