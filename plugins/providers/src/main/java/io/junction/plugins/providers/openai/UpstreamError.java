package io.junction.plugins.providers.openai;

/**
 * The fields of an OpenAI error object ({@code {"error": {"message", "type", "param", "code"}}}), any of them null.
 * Values are as the upstream sent them: they may echo a secret and must be redacted before anyone sees them.
 */
record UpstreamError(String message, String type, String param, String code) {}
