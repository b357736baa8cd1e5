package io.junction.spi.cache;

/** How a cache matches requests. */
public enum CacheKind
{
    /** The same canonical request; the kernel derives the key. */
    EXACT,
    /** A similar prompt; the kernel supplies the prompt's embedding. */
    SEMANTIC
}
