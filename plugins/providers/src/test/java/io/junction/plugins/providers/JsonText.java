package io.junction.plugins.providers;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.junction.plugins.providers.common.Json;

import java.util.StringJoiner;

/**
 * Pieces of hand-written native bodies: a provider's JSON encoder escapes quotes and may keep non-ASCII text as it
 * is, so text that carries either goes through here rather than into a template.
 */
public final class JsonText
{
    private JsonText() {}

    /** {@code text} as a JSON string literal, quotes included. */
    public static String quote(String text)
    {
        try {
            return Json.MAPPER.writeValueAsString(text);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("a string could not be written as JSON", e);
        }
    }

    /** A JSON array of the numbers, each written as {@link Float#toString} does (no rounding). */
    public static String numbers(float[] values)
    {
        StringJoiner array = new StringJoiner(",", "[", "]");
        for (float value : values) {
            array.add(Float.toString(value));
        }
        return array.toString();
    }
}
