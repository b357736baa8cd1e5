package io.junction.kernel.router.shared;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The key layout. Every key of a model group carries the group in a hash tag ({@code {...}}), so that on Redis
 * Cluster all of them live in one slot and a script may touch them together (the cooldown guard reads the whole
 * group). Braces and {@code %} in a group name are percent-encoded, so that no name can break out of its tag.
 * <ul>
 * <li>{@code PREFIX:{GROUP}:w:MINUTE}: a hash per group and UTC minute with the fields {@code r:ID} (requests),
 * {@code t:ID} (tokens), {@code s:ID} (successes), {@code f:ID} (health failures); expires after 2 minutes.</li>
 * <li>{@code PREFIX:{GROUP}:cooldown}: a hash of deployment id to the end of its cooldown (epoch ms); expires
 * with the longest cooldown.</li>
 * <li>{@code PREFIX:{instances}}: a hash of instance id to when it was last seen (epoch ms).</li>
 * </ul>
 */
final class RedisKeys
{
    /** Long enough for an attempt that started in a minute to be settled in the next. */
    static final long WINDOW_TTL_SECONDS = 120;

    private final String prefix;
    // PREFIX:{GROUP} of each group, escaped once: the groups are the config's few, and every request needs one
    private final Map<String, String> groupKeys = new ConcurrentHashMap<>();

    RedisKeys(String prefix)
    {
        this.prefix = prefix;
    }

    String window(String group, long minute)
    {
        return groupKey(group) + ":w:" + minute;
    }

    String cooldowns(String group)
    {
        return groupKey(group) + ":cooldown";
    }

    String instances()
    {
        return prefix + ":{instances}";
    }

    private String groupKey(String group)
    {
        String key = groupKeys.get(group);
        return key != null ? key : groupKeys.computeIfAbsent(group, name -> prefix + ":{" + tag(name) + "}");
    }

    static String tag(String group)
    {
        StringBuilder tag = new StringBuilder(group.length() + 8);
        for (int i = 0; i < group.length(); i++) {
            char c = group.charAt(i);
            switch (c) {
                case '%' -> tag.append("%25");
                case '{' -> tag.append("%7B");
                case '}' -> tag.append("%7D");
                default -> tag.append(c);
            }
        }
        // an empty tag ({}) would make Redis Cluster hash the whole key
        return tag.isEmpty() ? "%" : tag.toString();
    }
}
