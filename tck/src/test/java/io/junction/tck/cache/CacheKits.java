package io.junction.tck.cache;

import io.junction.spi.cache.CacheFactory;
import io.junction.spi.cache.CacheKind;
import io.junction.tck.kit.InvalidSetting;

import java.util.List;

/** The cache kit on the reference cache, correct or with one fault each; nested so the build does not run them itself. */
final class CacheKits
{
    private CacheKits() {}

    abstract static class WithFault
            extends ResponseCacheContract
    {
        private final ReferenceCache.Fault fault;
        private final CacheKind kind;

        WithFault(ReferenceCache.Fault fault, CacheKind kind)
        {
            this.fault = fault;
            this.kind = kind;
        }

        @Override
        protected CacheFactory factory()
        {
            return new ReferenceCache.Factory(fault, kind);
        }

        @Override
        protected List<InvalidSetting> invalidParams()
        {
            return List.of(new InvalidSetting(ReferenceCache.MAX_ENTRIES, 0), new InvalidSetting(ReferenceCache.MAX_ENTRIES, "many"));
        }
    }

    static class Exact
            extends WithFault
    {
        Exact()
        {
            super(ReferenceCache.Fault.NONE, CacheKind.EXACT);
        }
    }

    static class Semantic
            extends WithFault
    {
        Semantic()
        {
            super(ReferenceCache.Fault.NONE, CacheKind.SEMANTIC);
        }
    }

    /** Breaks C1. */
    static final class KindDiffersFromTheFactory
            extends WithFault
    {
        KindDiffersFromTheFactory()
        {
            super(ReferenceCache.Fault.KIND_DIFFERS_FROM_THE_FACTORY, CacheKind.EXACT);
        }
    }

    /** Breaks C2. */
    static final class HitLosesUsage
            extends WithFault
    {
        HitLosesUsage()
        {
            super(ReferenceCache.Fault.HIT_LOSES_USAGE, CacheKind.EXACT);
        }
    }

    /** Breaks C3. */
    static final class MatchesThePromptText
            extends WithFault
    {
        MatchesThePromptText()
        {
            super(ReferenceCache.Fault.MATCHES_THE_PROMPT_TEXT, CacheKind.EXACT);
        }
    }

    /** Breaks C4. */
    static final class IgnoresTheModelGroup
            extends WithFault
    {
        IgnoresTheModelGroup()
        {
            super(ReferenceCache.Fault.IGNORES_THE_MODEL_GROUP, CacheKind.SEMANTIC);
        }
    }

    /** Breaks C5. */
    static final class EmptyCacheLookupThrows
            extends WithFault
    {
        EmptyCacheLookupThrows()
        {
            super(ReferenceCache.Fault.EMPTY_CACHE_LOOKUP_THROWS, CacheKind.EXACT);
        }
    }

    /** Breaks C6. */
    static final class IgnoresTtl
            extends WithFault
    {
        IgnoresTtl()
        {
            super(ReferenceCache.Fault.IGNORES_TTL, CacheKind.EXACT);
        }
    }

    /** Breaks C7. */
    static final class KeepsTheCallersArray
            extends WithFault
    {
        KeepsTheCallersArray()
        {
            super(ReferenceCache.Fault.KEEPS_THE_CALLERS_ARRAY, CacheKind.EXACT);
        }
    }

    /** Breaks C8. */
    static final class SharedScratchBuffer
            extends WithFault
    {
        SharedScratchBuffer()
        {
            super(ReferenceCache.Fault.SHARED_SCRATCH_BUFFER, CacheKind.EXACT);
        }
    }

    /** Breaks C9. */
    static final class SemanticMatchesKeysOnly
            extends WithFault
    {
        SemanticMatchesKeysOnly()
        {
            super(ReferenceCache.Fault.SEMANTIC_MATCHES_KEYS_ONLY, CacheKind.SEMANTIC);
        }
    }

    /** Breaks C10. */
    static final class KeepsTheFirstStore
            extends WithFault
    {
        KeepsTheFirstStore()
        {
            super(ReferenceCache.Fault.KEEPS_THE_FIRST_STORE, CacheKind.EXACT);
        }
    }

    /** Breaks C11. */
    static final class SecondCloseThrows
            extends WithFault
    {
        SecondCloseThrows()
        {
            super(ReferenceCache.Fault.SECOND_CLOSE_THROWS, CacheKind.EXACT);
        }
    }

    /** Breaks C12. */
    static final class AcceptsZeroEntries
            extends WithFault
    {
        AcceptsZeroEntries()
        {
            super(ReferenceCache.Fault.ACCEPTS_ZERO_ENTRIES, CacheKind.EXACT);
        }
    }
}
