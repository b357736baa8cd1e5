package io.junction.spi.provider;

/** The OpenAI endpoints a provider adapter can serve. */
public enum Endpoint
{
    CHAT_COMPLETIONS("/chat/completions"),
    COMPLETIONS("/completions"),
    EMBEDDINGS("/embeddings");

    private final String path;

    Endpoint(String path)
    {
        this.path = path;
    }

    /** The path after the {@code /v1} prefix, as OpenAI names it. */
    public String path()
    {
        return path;
    }
}
