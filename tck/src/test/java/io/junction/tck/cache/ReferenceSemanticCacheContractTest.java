package io.junction.tck.cache;

/** The cache kit on the correct semantic reference cache, as a plugin's build runs it: every rule passes. */
class ReferenceSemanticCacheContractTest
        extends CacheKits.Semantic
{
}
