package io.junction.tck.cache;

import io.junction.spi.ConfigView;
import io.junction.spi.cache.CacheContext;
import io.junction.spi.cache.CacheFactory;
import io.junction.spi.cache.CacheKind;
import io.junction.spi.cache.CacheQuery;
import io.junction.spi.cache.CachedResponse;
import io.junction.spi.cache.ResponseCache;
import io.junction.spi.provider.JsonStrings;
import io.junction.spi.provider.Usage;
import io.junction.tck.kit.Concurrently;
import io.junction.tck.kit.ConfigRefusals;
import io.junction.tck.kit.ExtensionNames;
import io.junction.tck.kit.InvalidSetting;
import io.junction.tck.kit.ManualClock;
import io.junction.tck.kit.RuleMessages;
import io.junction.tck.kit.SeededRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of a response cache. A plugin's test extends this class and supplies its factory (and, for a cache
 * that needs them, its {@code cache_params}):
 * <pre>{@code
 * class LocalCacheContractTest extends ResponseCacheContract
 * {
 *     protected CacheFactory factory() { return new LocalCacheFactory(); }
 * }
 * }</pre>
 * The kit hands the cache a hand-moved clock, and uses keys unique to each run, so a shared remote cache needs no
 * cleaning between rules. Each rule's number, requirement and what to look at when it fails are listed in the TCK's
 * README.
 */
@ExtendWith(RuleMessages.class)
public abstract class ResponseCacheContract
{
    public static final String PARAMS_PATH = "litellm_settings.cache_params";
    public static final String MODEL_GROUP = "tck-group";
    public static final String OTHER_MODEL_GROUP = "tck-other-group";
    public static final String PROMPT = "What is the capital of France?";
    public static final String NEAR_DUPLICATE_PROMPT = "What's the capital city of France?";
    public static final String UNRELATED_PROMPT = "Write a haiku about autumn rain.";

    private static final Duration TTL = Duration.ofSeconds(10);
    private static final Usage USAGE = new Usage(12, 34, 46, 0, 0);

    private final ManualClock clock = new ManualClock();
    // keys differ from one run to the next: a shared remote cache keeps no answer for a later run
    private final String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    private final List<ResponseCache> caches = new ArrayList<>();
    private Vectors vectors;

    // --- what the plugin's test supplies

    /** The factory under test, as the plugin's entry class returns it. */
    protected abstract CacheFactory factory();

    /** What the cache supports; by default its kind and TTL ({@link CacheCapability#derivedFrom}). */
    protected Set<CacheCapability> capabilities()
    {
        return CacheCapability.derivedFrom(factory());
    }

    /** {@code cache_params} the cache is created with; by default just its type. */
    protected Map<String, Object> params()
    {
        return Map.of("type", factory().name());
    }

    /** Parameters the factory must refuse with a ConfigException naming them (rule C12); none by default. */
    protected List<InvalidSetting> invalidParams()
    {
        return List.of();
    }

    /** The size of the embeddings the kit passes a semantic cache. */
    protected int embeddingDimensions()
    {
        return 64;
    }

    // --- fixtures a plugin's own extra tests may use

    protected final ManualClock clock()
    {
        return clock;
    }

    /** A new cache from {@link #params()}; closed after the rule. */
    protected final ResponseCache createCache()
    {
        ResponseCache cache = factory().create(new ConfigView(PARAMS_PATH, params()), new CacheContext(clock));
        assertTrue(cache != null, "the factory's create() returned null");
        caches.add(cache);
        return cache;
    }

    @AfterEach
    final void closeCaches()
    {
        for (ResponseCache cache : caches) {
            try {
                cache.close();
            }
            catch (RuntimeException ignored) {
                // C11 checks close(); a fixture must not fail other rules
            }
        }
    }

    // --- rules

    @Test
    void rule_C1_factoryIsWellFormed()
    {
        CacheFactory factory = factory();
        assertTrue(ExtensionNames.wellFormed(factory.name()), "C1: name() must be " + ExtensionNames.requirement() + ", but was '" + factory.name() + "'");
        assertTrue(factory.secretKeys() != null, "C1: secretKeys() must not be null");
        CacheKind kind = factory.kind();
        assertTrue(kind != null, "C1: kind() must not be null");
        Set<CacheCapability> capabilities = capabilities();
        assertTrue(capabilities.contains(CacheCapability.EXACT) != capabilities.contains(CacheCapability.SEMANTIC),
                "C1: capabilities() must declare exactly one of EXACT and SEMANTIC, but declares " + capabilities);
        assertTrue(capabilities.contains(kind == CacheKind.SEMANTIC ? CacheCapability.SEMANTIC : CacheCapability.EXACT),
                "C1: capabilities() declare " + capabilities + " but the factory's kind() is " + kind);

        ResponseCache cache = createCache();

        assertEquals(kind, cache.kind(), "C1: the cache's kind() must be its factory's kind()");
    }

    @Test
    void rule_C2_storeThenLookupHits()
    {
        ResponseCache cache = createCache();
        CachedResponse stored = response("Paris.");

        cache.store(query("k1", MODEL_GROUP, PROMPT, vectors().base()), stored);
        Optional<CachedResponse> hit = cache.lookup(query("k1", MODEL_GROUP, PROMPT, vectors().base()));

        assertTrue(hit != null && hit.isPresent(), "C2: a lookup with the query just stored must hit, but answered " + hit);
        assertArrayEquals(stored.body(), hit.get().body(), "C2: the hit's body must be the stored bytes");
        assertEquals(stored.usage(), hit.get().usage(), "C2: the hit's usage must be the stored usage");
        assertEquals(stored.createdAt(), hit.get().createdAt(), "C2: the hit's createdAt must be the stored instant");
    }

    @Test
    void rule_C3_differentRequestMisses()
    {
        ResponseCache cache = createCache();
        cache.store(query("k1", MODEL_GROUP, PROMPT, vectors().base()), response("Paris."));

        Optional<CachedResponse> miss = semantic()
                ? cache.lookup(query("k2", MODEL_GROUP, UNRELATED_PROMPT, vectors().unrelated()))
                : cache.lookup(query("k2", MODEL_GROUP, PROMPT, vectors().base()));

        assertEquals(Optional.empty(), miss, semantic()
                ? "C3: an unrelated prompt (another key, an orthogonal embedding) must miss"
                : "C3: another key must miss, even with the same prompt text: an exact cache matches on CacheQuery.key() alone");
    }

    @Test
    void rule_C4_neverAnswersAnotherModelGroup()
    {
        ResponseCache cache = createCache();
        cache.store(query("k1", MODEL_GROUP, PROMPT, vectors().base()), response("Paris."));

        Optional<CachedResponse> miss = cache.lookup(query("k1-other-group", OTHER_MODEL_GROUP, PROMPT, vectors().base()));

        assertEquals(Optional.empty(), miss, "C4: the same prompt (and embedding) for another model group must miss: one model must never answer for another");
    }

    @Test
    void rule_C5_lookupInAFreshCacheIsEmpty()
    {
        ResponseCache cache = createCache();

        Optional<CachedResponse> miss = cache.lookup(query("never-stored", MODEL_GROUP, PROMPT, vectors().base()));

        assertEquals(Optional.empty(), miss, "C5: a lookup in a cache that holds nothing must answer Optional.empty(), not null and not an exception");
    }

    @Test
    void rule_C6_entryExpiresAfterItsTtlByTheInjectedClock()
    {
        Assumptions.assumeTrue(capabilities().contains(CacheCapability.TTL), "C6 does not apply: TTL is not declared");
        ResponseCache cache = createCache();
        CacheQuery query = query("k1", MODEL_GROUP, PROMPT, vectors().base());
        cache.store(query, response("Paris."));

        clock.advance(TTL.minusSeconds(1));
        assertTrue(cache.lookup(query).isPresent(), "C6: an entry stored with a ttl of " + TTL.toSeconds() + " s must still hit " + (TTL.toSeconds() - 1)
                + " s later (by CacheContext.clock())");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(Optional.empty(), cache.lookup(query), "C6: an entry stored with a ttl of " + TTL.toSeconds() + " s must miss " + (TTL.toSeconds() + 1)
                + " s later by CacheContext.clock(): expire by the injected clock (a remote cache can keep the expiry in the entry)");
    }

    @Test
    void rule_C7_storedBytesAreNotAliased()
    {
        ResponseCache cache = createCache();
        CachedResponse stored = response("Paris.");
        byte[] original = stored.body().clone();
        cache.store(query("k1", MODEL_GROUP, PROMPT, vectors().base()), stored);

        // the kernel may reuse its buffer once the response is sent
        Arrays.fill(stored.body(), (byte) 'X');

        Optional<CachedResponse> hit = cache.lookup(query("k1", MODEL_GROUP, PROMPT, vectors().base()));
        assertTrue(hit != null && hit.isPresent(), "C7: a lookup with the query just stored must hit");
        assertArrayEquals(original, hit.get().body(), "C7: changing the caller's array after store() changed the cached body: copy the bytes when storing");
    }

    @Test
    void rule_C8_concurrentStoresAndLookupsStayConsistent()
    {
        ResponseCache cache = createCache();
        int keys = 16;
        List<CacheQuery> queries = new ArrayList<>(keys);
        RandomGenerator random = new SeededRandom(8);
        for (int k = 0; k < keys; k++) {
            CacheQuery query = query("hammer-" + k, MODEL_GROUP, "Question number " + k + " of the concurrency rule?", Vectors.random(random, embeddingDimensions()));
            queries.add(query);
            cache.store(query, response("hammer-" + k + "#seed"));
        }

        List<Throwable> failures = Concurrently.run(4, 500, (thread, iteration) -> {
            int k = (thread * 7 + iteration) % keys;
            CacheQuery query = queries.get(k);
            if (iteration % 3 == 0) {
                cache.store(query, response("hammer-" + k + "#" + thread + "#" + iteration));
                return;
            }
            Optional<CachedResponse> hit = cache.lookup(query);
            if (hit == null) {
                throw new AssertionError("lookup answered null");
            }
            if (hit.isPresent() && !text(hit.get()).contains("hammer-" + k + "#")) {
                throw new AssertionError("the lookup of key hammer-" + k + " answered another key's body: " + text(hit.get()));
            }
        });

        assertTrue(failures.isEmpty(), () -> "C8: " + failures.size() + " failures while 4 threads stored and looked up at once; the first: "
                + failures.getFirst().getClass().getName() + ": " + failures.getFirst().getMessage());
    }

    @Test
    void rule_C9_nearDuplicatePromptHitsOnlyASemanticCache()
    {
        ResponseCache cache = createCache();
        CachedResponse stored = response("Paris.");
        cache.store(query("k1", MODEL_GROUP, PROMPT, vectors().base()), stored);

        Optional<CachedResponse> lookup = cache.lookup(query("k-near", MODEL_GROUP, NEAR_DUPLICATE_PROMPT, vectors().nearDuplicate()));

        if (semantic()) {
            assertTrue(lookup != null && lookup.isPresent(), "C9: a near-duplicate prompt of the same model group (embedding cosine similarity "
                    + String.format(Locale.ROOT, "%.3f", Vectors.cosine(vectors().base(), vectors().nearDuplicate()))
                    + ") must hit a SEMANTIC cache, but answered " + lookup);
            assertArrayEquals(stored.body(), lookup.get().body(), "C9: the near-duplicate's hit must be the stored body");
        }
        else {
            assertEquals(Optional.empty(), lookup, "C9: an EXACT cache must miss a near-duplicate prompt whose key differs");
        }
    }

    @Test
    void rule_C10_storingAgainReplacesTheEntry()
    {
        ResponseCache cache = createCache();
        CacheQuery query = query("k1", MODEL_GROUP, PROMPT, vectors().base());
        cache.store(query, response("first answer"));
        cache.store(query, response("second answer"));

        Optional<CachedResponse> hit = cache.lookup(query);

        assertTrue(hit != null && hit.isPresent() && text(hit.get()).contains("second answer"),
                "C10: storing again under the same query must replace the entry, but the lookup answered " + hit.map(ResponseCacheContract::text));
    }

    @Test
    void rule_C11_closeIsIdempotent()
    {
        ResponseCache cache = createCache();
        cache.store(query("k1", MODEL_GROUP, PROMPT, vectors().base()), response("Paris."));

        cache.close();
        cache.close();
    }

    @Test
    void rule_C12_rejectsBadParamsWithAConfigException()
    {
        ConfigRefusals.assertEachRefused("C12", PARAMS_PATH, params(), invalidParams(),
                section -> factory().create(section, new CacheContext(clock)).close());
    }

    // --- helpers

    private Vectors vectors()
    {
        if (vectors == null) {
            vectors = new Vectors(embeddingDimensions());
        }
        return vectors;
    }

    private boolean semantic()
    {
        return factory().kind() == CacheKind.SEMANTIC;
    }

    private CacheQuery query(String name, String modelGroup, String prompt, float[] vector)
    {
        Optional<float[]> embedding = semantic() ? Optional.of(vector) : Optional.empty();
        return new CacheQuery(key(name + "|" + modelGroup), modelGroup, prompt, embedding, TTL);
    }

    /** A hex digest, as the kernel derives keys. */
    private String key(String name)
    {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((run + "|" + name).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private CachedResponse response(String text)
    {
        String body = "{\"id\":\"chatcmpl-tck\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"tck-model\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + JsonStrings.quote(text) + "},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":34,\"total_tokens\":46}}";
        return new CachedResponse(body.getBytes(StandardCharsets.UTF_8), USAGE, clock.instant());
    }

    private static String text(CachedResponse response)
    {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
