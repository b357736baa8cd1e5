package io.junction.tck.cache;

import io.junction.spi.ConfigException;
import io.junction.spi.ConfigView;
import io.junction.spi.cache.CacheContext;
import io.junction.spi.cache.CacheFactory;
import io.junction.spi.cache.CacheKind;
import io.junction.spi.cache.CacheQuery;
import io.junction.spi.cache.CachedResponse;
import io.junction.spi.cache.ResponseCache;
import io.junction.spi.provider.Usage;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An in-memory cache written to pass the cache kit, exact or semantic (cosine similarity of at least 0.9 within the
 * same model group). Each {@link Fault} breaks exactly one rule, for the kit's tests of itself.
 */
final class ReferenceCache
{
    static final String NAME = "tck-memory";
    static final String MAX_ENTRIES = "max_entries";
    private static final double SIMILARITY = 0.9;

    private ReferenceCache() {}

    enum Fault
    {
        NONE,
        /** C1 */ KIND_DIFFERS_FROM_THE_FACTORY,
        /** C2 */ HIT_LOSES_USAGE,
        /** C3 */ MATCHES_THE_PROMPT_TEXT,
        /** C4 */ IGNORES_THE_MODEL_GROUP,
        /** C5 */ EMPTY_CACHE_LOOKUP_THROWS,
        /** C6 */ IGNORES_TTL,
        /** C7 */ KEEPS_THE_CALLERS_ARRAY,
        /** C8 */ SHARED_SCRATCH_BUFFER,
        /** C9 */ SEMANTIC_MATCHES_KEYS_ONLY,
        /** C10 */ KEEPS_THE_FIRST_STORE,
        /** C11 */ SECOND_CLOSE_THROWS,
        /** C12 */ ACCEPTS_ZERO_ENTRIES
    }

    static final class Factory
            implements CacheFactory
    {
        private final Fault fault;
        private final CacheKind kind;

        Factory(Fault fault, CacheKind kind)
        {
            this.fault = fault;
            this.kind = kind;
        }

        @Override
        public String name()
        {
            return NAME;
        }

        @Override
        public CacheKind kind()
        {
            return kind;
        }

        @Override
        public ResponseCache create(ConfigView params, CacheContext context)
        {
            long maxEntries = params.integer(MAX_ENTRIES).orElse(10_000L);
            if (maxEntries < 1 && fault != Fault.ACCEPTS_ZERO_ENTRIES) {
                throw new ConfigException(params.keyPath(MAX_ENTRIES), "must be at least 1 but was " + maxEntries + ".");
            }
            CacheKind cacheKind = fault == Fault.KIND_DIFFERS_FROM_THE_FACTORY ? (kind == CacheKind.EXACT ? CacheKind.SEMANTIC : CacheKind.EXACT) : kind;
            return new Cache(fault, cacheKind, context.clock());
        }
    }

    private static final class Cache
            implements ResponseCache
    {
        private final Fault fault;
        private final CacheKind kind;
        private final InstantSource clock;
        private final Map<String, Entry> entries = new ConcurrentHashMap<>();
        private final AtomicBoolean closed = new AtomicBoolean();
        // the racy variant's buffer, shared by every store()
        private byte[] scratch;

        Cache(Fault fault, CacheKind kind, InstantSource clock)
        {
            this.fault = fault;
            this.kind = kind;
            this.clock = clock;
        }

        @Override
        public CacheKind kind()
        {
            return kind;
        }

        @Override
        public Optional<CachedResponse> lookup(CacheQuery query)
        {
            if (fault == Fault.EMPTY_CACHE_LOOKUP_THROWS && entries.isEmpty()) {
                throw new NoSuchElementException("nothing stored yet");
            }
            Instant now = clock.instant();
            Entry exact = entries.get(query.key());
            if (exact != null && exact.validAt(now, fault)) {
                return Optional.of(exact.answer(fault));
            }
            for (Entry entry : entries.values()) {
                if (entry.validAt(now, fault) && matches(entry, query)) {
                    return Optional.of(entry.answer(fault));
                }
            }
            return Optional.empty();
        }

        private boolean matches(Entry entry, CacheQuery query)
        {
            boolean sameGroup = fault == Fault.IGNORES_THE_MODEL_GROUP || entry.query().modelGroup().equals(query.modelGroup());
            if (fault == Fault.MATCHES_THE_PROMPT_TEXT) {
                return sameGroup && entry.query().promptText().equals(query.promptText());
            }
            if (kind != CacheKind.SEMANTIC || fault == Fault.SEMANTIC_MATCHES_KEYS_ONLY) {
                return false;
            }
            return sameGroup && entry.query().embedding().isPresent() && query.embedding().isPresent()
                    && cosine(entry.query().embedding().get(), query.embedding().get()) >= SIMILARITY;
        }

        @Override
        public void store(CacheQuery query, CachedResponse response)
        {
            byte[] body;
            if (fault == Fault.KEEPS_THE_CALLERS_ARRAY) {
                body = response.body();
            }
            else if (fault == Fault.SHARED_SCRATCH_BUFFER) {
                scratch = response.body();
                // as if encoding took a while: long enough for another store to replace the buffer
                Thread.yield();
                body = scratch.clone();
            }
            else {
                body = response.body().clone();
            }
            Entry entry = new Entry(query, new CachedResponse(body, response.usage(), response.createdAt()), clock.instant().plus(query.ttl()));
            if (fault == Fault.KEEPS_THE_FIRST_STORE) {
                entries.putIfAbsent(query.key(), entry);
            }
            else {
                entries.put(query.key(), entry);
            }
        }

        @Override
        public void close()
        {
            if (!closed.compareAndSet(false, true) && fault == Fault.SECOND_CLOSE_THROWS) {
                throw new IllegalStateException("already closed");
            }
            entries.clear();
        }
    }

    private record Entry(CacheQuery query, CachedResponse response, Instant expiresAt)
    {
        boolean validAt(Instant now, Fault fault)
        {
            return fault == Fault.IGNORES_TTL || now.isBefore(expiresAt);
        }

        CachedResponse answer(Fault fault)
        {
            return fault == Fault.HIT_LOSES_USAGE ? new CachedResponse(response.body(), Usage.UNKNOWN, response.createdAt()) : response;
        }
    }

    private static double cosine(float[] a, float[] b)
    {
        if (a.length != b.length) {
            return 0;
        }
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return dot / Math.sqrt(normA * normB);
    }
}
