package io.junction.plugins.providers.openai;

import java.util.List;

/**
 * The fields of an OpenAI error object ({@code {"error": {"message", "type", "param", "code"}}}), any of them null.
 * Values are as the upstream sent them: they may echo a secret and must be redacted before anyone sees them.
 *
 * @param filteredCategories the content-filter categories that blocked the request, as Azure OpenAI lists them in
 *        {@code innererror.content_filter_result} ({@code "hate (medium)"}); empty for other errors
 */
record UpstreamError(String message, String type, String param, String code, List<String> filteredCategories)
{
    UpstreamError
    {
        filteredCategories = filteredCategories == null ? List.of() : List.copyOf(filteredCategories);
    }

    UpstreamError(String message, String type, String param, String code)
    {
        this(message, type, param, code, List.of());
    }
}
