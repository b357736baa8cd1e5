package io.junction.tck.cache;

/** The cache kit on the correct exact reference cache, as a plugin's build runs it: every rule passes. */
class ReferenceExactCacheContractTest
        extends CacheKits.Exact
{
}
