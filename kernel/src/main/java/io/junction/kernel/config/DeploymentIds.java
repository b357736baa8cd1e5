package io.junction.kernel.config;

import io.junction.kernel.Sha256;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The id of a deployment without {@code model_info.id}: a short hex SHA-256 of {@code model_name} and the
 * {@code litellm_params} entries sorted by key, values included. The same entry always gets the same id (on every
 * instance and restart), two entries that differ anywhere (say, only in {@code api_base}) get different ids, and
 * the id reveals nothing of the values. The values are hashed as written, before {@code os.environ/} resolution,
 * so rotating a key kept in the environment does not change the id.
 */
final class DeploymentIds
{
    private static final int HEX_DIGITS = 16;

    private DeploymentIds() {}

    static String derive(String modelName, Map<String, Object> writtenParams)
    {
        StringBuilder canonical = new StringBuilder();
        appendCanonical(canonical, modelName);
        canonical.append('\n');
        appendCanonical(canonical, writtenParams);
        return Sha256.hex(canonical.toString()).substring(0, HEX_DIGITS);
    }

    /** An unambiguous text form: strings quoted and escaped, mapping keys sorted, numbers tagged by type. */
    private static void appendCanonical(StringBuilder out, Object value)
    {
        switch (value) {
            case null -> out.append("null");
            case String text -> appendQuoted(out, text);
            case Map<?, ?> map -> {
                out.append('{');
                new TreeMap<>(map).forEach((key, item) -> {
                    appendQuoted(out, String.valueOf(key));
                    out.append(':');
                    appendCanonical(out, item);
                    out.append(',');
                });
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                list.forEach(item -> {
                    appendCanonical(out, item);
                    out.append(',');
                });
                out.append(']');
            }
            default -> out.append(value.getClass().getSimpleName()).append(':').append(value);
        }
    }

    private static void appendQuoted(StringBuilder out, String text)
    {
        out.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
}
