package io.junction.kernel.router;

import io.junction.kernel.config.FallbackSettings;
import io.junction.spi.ErrorKind;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which model groups to try after a group failed, by the kind of its last error (LiteLLM's rules): a prompt too long
 * goes to {@code context_window_fallbacks}, a content refusal to {@code content_policy_fallbacks} (each only when
 * that list is configured; otherwise such an error takes the general list), anything else to {@code fallbacks}: the
 * group's own entry, else the {@code "*"} entry, else {@code default_fallbacks}. A request the caller got wrong is
 * not sent anywhere else: every group would refuse it.
 */
final class Fallbacks
{
    static final String ANY_GROUP = "*";

    private final FallbackSettings settings;

    Fallbacks(FallbackSettings settings)
    {
        this.settings = settings;
    }

    int max()
    {
        return settings.maxFallbacks();
    }

    List<String> after(String group, ErrorKind lastError)
    {
        return switch (lastError) {
            case INVALID_REQUEST, REQUEST_TOO_LARGE -> List.of();
            case CONTEXT_WINDOW_EXCEEDED -> specific(settings.contextWindow(), group);
            case CONTENT_POLICY -> specific(settings.contentPolicy(), group);
            default -> general(group);
        };
    }

    private List<String> specific(Optional<Map<String, List<String>>> configured, String group)
    {
        return configured.map(map -> entry(map, group).orElse(List.of())).orElseGet(() -> general(group));
    }

    private List<String> general(String group)
    {
        return entry(settings.fallbacks(), group).orElse(settings.defaults());
    }

    private static Optional<List<String>> entry(Map<String, List<String>> map, String group)
    {
        List<String> own = map.get(group);
        return own != null ? Optional.of(own) : Optional.ofNullable(map.get(ANY_GROUP));
    }
}
