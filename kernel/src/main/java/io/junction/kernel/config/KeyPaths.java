package io.junction.kernel.config;

/**
 * Builds the key paths used in messages: {@code model_list[2].litellm_params.rpm}.
 */
final class KeyPaths
{
    private KeyPaths() {}

    static String child(String parent, String key)
    {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String index(String parent, int index)
    {
        return parent + "[" + index + "]";
    }

    /** The last key of a path ({@code rpm} for {@code model_list[2].litellm_params.rpm}), without list indexes. */
    static String lastKey(String path)
    {
        String withoutIndexes = path;
        while (withoutIndexes.endsWith("]") && withoutIndexes.lastIndexOf('[') > 0) {
            withoutIndexes = withoutIndexes.substring(0, withoutIndexes.lastIndexOf('['));
        }
        return withoutIndexes.substring(withoutIndexes.lastIndexOf('.') + 1);
    }

    /** Whether {@code path} is {@code ancestor} itself or lies inside it. */
    static boolean isWithin(String path, String ancestor)
    {
        return path.equals(ancestor)
                || (path.startsWith(ancestor) && (path.charAt(ancestor.length()) == '.' || path.charAt(ancestor.length()) == '['));
    }
}
