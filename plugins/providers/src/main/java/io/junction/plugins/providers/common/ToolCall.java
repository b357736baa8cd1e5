package io.junction.plugins.providers.common;

import java.util.Objects;

/**
 * A function call the model made, in OpenAI's terms.
 *
 * @param arguments the arguments as JSON text, as OpenAI's {@code function.arguments} carries them
 */
public record ToolCall(String id, String name, String arguments)
{
    public ToolCall
    {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(arguments, "arguments is null");
    }
}
