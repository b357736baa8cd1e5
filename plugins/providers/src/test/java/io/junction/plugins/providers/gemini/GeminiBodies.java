package io.junction.plugins.providers.gemini;

import static io.junction.plugins.providers.JsonText.quote;

/** Google's bodies that the Gemini and Vertex tests write by hand. */
final class GeminiBodies
{
    private GeminiBodies() {}

    /**
     * Google's error object.
     *
     * @param details the {@code details} array, as JSON
     */
    static String error(int status, String message, String googleStatus, String details)
    {
        return """
                {
                  "error": {
                    "code": %d,
                    "message": %s,
                    "status": "%s",
                    "details": %s
                  }
                }
                """.formatted(status, quote(message), googleStatus, details);
    }
}
