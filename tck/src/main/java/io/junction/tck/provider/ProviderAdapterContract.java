package io.junction.tck.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.junction.spi.ConfigException;
import io.junction.spi.ConfigView;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ChunkStream;
import io.junction.spi.provider.DeploymentSpec;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.provider.ProviderAdapterFactory;
import io.junction.spi.provider.ProviderContext;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.ProviderRequest;
import io.junction.spi.provider.ProviderResponse;
import io.junction.spi.provider.UpstreamTimeouts;
import io.junction.spi.provider.Usage;
import io.junction.tck.http.JdkUpstreamClient;
import io.junction.tck.kit.ExtensionNames;
import io.junction.tck.kit.KitTimeouts;
import io.junction.tck.kit.ManualClock;
import io.junction.tck.kit.RuleMessages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.opentest4j.TestAbortedException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The contract of a provider adapter. A plugin's test extends this class, supplies its factory and an
 * {@link UpstreamScript} that writes the provider's native answers, and declares its {@link ProviderCapability}s:
 * <pre>{@code
 * class AcmeAdapterContractTest extends ProviderAdapterContract
 * {
 *     protected ProviderAdapterFactory factory() { return new AcmeAdapterFactory(); }
 *     protected Optional<UpstreamScript> upstreamScript() { return Optional.of(new AcmeScript()); }
 * }
 * }</pre>
 * The kit runs a fake upstream on the loopback interface and points the deployment's {@code api_base} at it
 * ({@link #deploymentParams}). Rules P1 to P14 need the script (the provider's native format); P15 to P20 are
 * transport and configuration rules that run without one, which is what the plugin validator does for a provider it
 * knows nothing about. Each rule's number, requirement and what to look at when it fails are listed in the TCK's
 * README.
 */
@ExtendWith(RuleMessages.class)
public abstract class ProviderAdapterContract
{
    /** Why the format rules do not run without a script: the reason every such rule is aborted with. */
    public static final String NEEDS_OWN_TEST = "needs the plugin's own test extending ProviderAdapterContract, "
            + "with an UpstreamScript in the provider's native format";
    public static final String PARAMS_PATH = "model_list[0].litellm_params";
    public static final long PROMPT_TOKENS = 21;
    public static final long COMPLETION_TOKENS = 7;
    public static final Duration RETRY_AFTER = Duration.ofSeconds(7);

    private static final int MAX_CHUNKS = 10_000;
    private static final float[] EMBEDDING = {0.0023f, -0.0093f, 0.0157f, -0.25f, 0.5f, 0.125f, -0.0625f, 1.0f};

    private final String apiKey = "sk-tck-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    private final List<ProviderAdapter> adapters = new ArrayList<>();
    private FakeUpstream upstream;
    private LoopbackUpstreamClient client;

    // --- what the plugin's test supplies

    /** The factory under test, as the plugin's entry class returns it. */
    protected abstract ProviderAdapterFactory factory();

    /**
     * The provider's native answers, or empty when the test cannot write them (the validator's case): the rules
     * that need them are then reported as aborted, never as passed.
     */
    protected abstract Optional<UpstreamScript> upstreamScript();

    /** What the adapter supports; by default what the factory says ({@link ProviderCapability#derivedFrom}). */
    protected Set<ProviderCapability> capabilities()
    {
        return ProviderCapability.derivedFrom(factory());
    }

    /**
     * The deployment's {@code litellm_params}, pointing the adapter at the kit's fake upstream. The default suits
     * adapters that take LiteLLM's usual {@code api_base} and {@code api_key}; override it to add a path to the base
     * ({@code fakeBase + "/v1"}) or other parameters. The {@code model} parameter is not needed: the kit passes the
     * provider and model in the {@link DeploymentSpec}.
     *
     * @param fakeBase {@code http://127.0.0.1:<port>}: every path on it answers
     * @param apiKey a key the kit made up; the secret rules check it never shows
     */
    protected Map<String, Object> deploymentParams(URI fakeBase, String apiKey)
    {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("api_base", fakeBase.toString());
        params.put("api_key", apiKey);
        return params;
    }

    /** Keys of {@link #deploymentParams} without which the factory must refuse the deployment (rule P20). */
    protected Set<String> requiredParams()
    {
        return Set.of();
    }

    /** The model prefix of the deployments the kit creates; by default the factory's first, alphabetically. */
    protected String provider()
    {
        return new TreeSet<>(factory().modelPrefixes()).first();
    }

    protected String upstreamModel()
    {
        return "tck-upstream-model";
    }

    /** Small timeouts, so that the stall rules end quickly. They are what "within the configured timeouts" means. */
    protected UpstreamTimeouts timeouts()
    {
        return new UpstreamTimeouts(Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofMillis(1500), Duration.ofSeconds(4));
    }

    // --- fixtures a plugin's own extra tests may use

    /** The fake upstream of the current rule. */
    protected final FakeUpstream fakeUpstream()
    {
        return upstream;
    }

    /** The API key the kit put in the deployment's parameters. */
    protected final String apiKey()
    {
        return apiKey;
    }

    /** An adapter of a deployment pointed at the fake upstream; closed after the rule. */
    protected final ProviderAdapter createAdapter()
    {
        return adapterAt(upstream.baseUri());
    }

    @BeforeEach
    final void startFakeUpstream()
    {
        upstream = FakeUpstream.start();
        client = new LoopbackUpstreamClient(new JdkUpstreamClient());
    }

    @AfterEach
    final void stopFakeUpstream()
    {
        for (ProviderAdapter adapter : adapters) {
            try {
                adapter.close();
            }
            catch (RuntimeException ignored) {
                // P18 checks close(); a fixture must not fail other rules
            }
        }
        client.close();
        upstream.close();
    }

    // --- format rules: the provider's native answers, turned into OpenAI's

    @Test
    void rule_P1_chatReturnsOpenAiShapedCompletionOrIsRefused()
    {
        String rule = "P1";
        if (!declares(ProviderCapability.CHAT)) {
            assertRefusedCleanly(rule, ProviderCapability.CHAT, Endpoint.CHAT_COMPLETIONS, KitRequests.chat(false), "chat");
            return;
        }
        requireListed(rule, ProviderCapability.CHAT, Endpoint.CHAT_COMPLETIONS);
        upstream.answer(script(rule).nativeChatResponse(KitRequests.TEXT, PROMPT_TOKENS, COMPLETION_TOKENS));

        ProviderResponse.Complete complete = complete(rule, createAdapter(), KitRequests.chat(false));

        JsonNode json = KitJson.object(rule, complete.body(), "the chat completion body");
        requireOpenAiEnvelope(rule, json, "chat.completion", "the chat completion");
        assertEquals("assistant", KitJson.text(json, "choices", 0, "message", "role"), rule + ": choices[0].message.role must be \"assistant\"");
        assertEquals(KitRequests.TEXT, KitJson.text(json, "choices", 0, "message", "content"),
                rule + ": choices[0].message.content must be the upstream's text, unchanged (check escaping of quotes and non-ASCII)");
        requireFinishReason(rule, json);
        requireUsage(rule, json, complete.usage());
    }

    @Test
    void rule_P2_streamedChunksConcatenateToTheTextOrStreamsAreRefused()
    {
        String rule = "P2";
        if (!declares(ProviderCapability.STREAMING)) {
            assertStreamingRefusedCleanly(rule);
            return;
        }
        requireStreamingListed(rule);
        upstream.answer(script(rule).nativeStream(KitRequests.PIECES, PROMPT_TOKENS, COMPLETION_TOKENS));

        List<JsonNode> chunks = drainedChunks(rule, createAdapter()).chunks();

        assertFalse(chunks.isEmpty(), rule + ": the stream must yield at least one chunk");
        StringBuilder content = new StringBuilder();
        boolean finished = false;
        for (JsonNode chunk : chunks) {
            requireOpenAiEnvelope(rule, chunk, "chat.completion.chunk", "every chunk");
            JsonNode choice = KitJson.at(chunk, "choices", 0);
            if (choice == null) {
                // a usage-only chunk has no choices
                continue;
            }
            String piece = KitJson.text(choice, "delta", "content");
            if (piece != null) {
                content.append(piece);
            }
            finished |= KitJson.text(choice, "finish_reason") != null;
        }
        assertEquals(KitRequests.TEXT, content.toString(),
                rule + ": the choices[0].delta.content of the chunks, concatenated in order, must be the upstream's text");
        assertTrue(finished, rule + ": one chunk (usually the last with choices) must carry a finish_reason");
    }

    @Test
    void rule_P3_streamReportsUsageAtItsEnd()
    {
        String rule = "P3";
        assumeDeclared(rule, ProviderCapability.STREAMING, "the refusal of streams is checked by P2");
        requireStreamingListed(rule);
        upstream.answer(script(rule).nativeStream(KitRequests.PIECES, PROMPT_TOKENS, COMPLETION_TOKENS));

        Usage usage = drainedChunks(rule, createAdapter()).usage();

        assertTrue(usage.known(), rule + ": ChunkStream.usage() must be known once next() has returned null, but was " + usage);
        assertEquals(PROMPT_TOKENS, usage.promptTokens(), rule + ": usage().promptTokens() after the end of the stream");
        assertEquals(COMPLETION_TOKENS, usage.completionTokens(), rule + ": usage().completionTokens() after the end of the stream");
    }

    @Test
    void rule_P4_textCompletionIsOpenAiShapedOrRefused()
    {
        String rule = "P4";
        if (!declares(ProviderCapability.COMPLETIONS)) {
            assertRefusedCleanly(rule, ProviderCapability.COMPLETIONS, Endpoint.COMPLETIONS, KitRequests.textCompletion(), "completions");
            return;
        }
        requireListed(rule, ProviderCapability.COMPLETIONS, Endpoint.COMPLETIONS);
        upstream.answer(scripted(rule, s -> s.nativeTextCompletion(KitRequests.TEXT, PROMPT_TOKENS, COMPLETION_TOKENS)));

        ProviderResponse.Complete complete = complete(rule, createAdapter(), KitRequests.textCompletion());

        JsonNode json = KitJson.object(rule, complete.body(), "the text completion body");
        requireOpenAiEnvelope(rule, json, "text_completion", "the text completion");
        assertEquals(KitRequests.TEXT, KitJson.text(json, "choices", 0, "text"), rule + ": choices[0].text must be the upstream's text, unchanged");
        requireFinishReason(rule, json);
        requireUsage(rule, json, complete.usage());
    }

    @Test
    void rule_P5_embeddingsAreAnOpenAiListOrRefused()
    {
        String rule = "P5";
        if (!declares(ProviderCapability.EMBEDDINGS)) {
            assertRefusedCleanly(rule, ProviderCapability.EMBEDDINGS, Endpoint.EMBEDDINGS, KitRequests.embedding(), "embeddings");
            return;
        }
        requireListed(rule, ProviderCapability.EMBEDDINGS, Endpoint.EMBEDDINGS);
        upstream.answer(scripted(rule, s -> s.nativeEmbedding(EMBEDDING.clone(), PROMPT_TOKENS)));

        ProviderResponse.Complete complete = complete(rule, createAdapter(), KitRequests.embedding());

        JsonNode json = KitJson.object(rule, complete.body(), "the embeddings body");
        assertEquals("list", KitJson.text(json, "object"), rule + ": the embeddings body must have \"object\": \"list\"");
        assertEquals("embedding", KitJson.text(json, "data", 0, "object"), rule + ": data[0].object must be \"embedding\"");
        JsonNode vector = KitJson.at(json, "data", 0, "embedding");
        assertTrue(vector != null && vector.isArray() && vector.size() == EMBEDDING.length,
                rule + ": data[0].embedding must be an array of the upstream's " + EMBEDDING.length + " numbers, but was " + vector);
        for (int i = 0; i < EMBEDDING.length; i++) {
            assertEquals(EMBEDDING[i], vector.get(i).floatValue(), 1e-6, rule + ": data[0].embedding[" + i + "] must be the upstream's value");
        }
        JsonNode promptTokens = KitJson.at(json, "usage", "prompt_tokens");
        assertTrue(promptTokens != null && promptTokens.asLong() == PROMPT_TOKENS, rule + ": usage.prompt_tokens must be " + PROMPT_TOKENS);
        assertEquals(PROMPT_TOKENS, complete.usage().promptTokens(), rule + ": Complete.usage().promptTokens()");
    }

    @Test
    void rule_P6_toolCallsComeBackInOpenAiShapeOrAreRefused()
    {
        String rule = "P6";
        assumeDeclared(rule, ProviderCapability.CHAT, "tools are part of chat completions");
        UpstreamScript script = script(rule);
        if (!declares(ProviderCapability.TOOLS)) {
            // the upstream would answer normally: a plain chat answer proves the tools were silently dropped
            upstream.answer(script.nativeChatResponse(KitRequests.TEXT, PROMPT_TOKENS, COMPLETION_TOKENS));
            ProviderException refusal = failure(rule, "TOOLS is not declared, so a request with tools",
                    () -> sendWithinTimeouts(rule, createAdapter(), KitRequests.chatWithTools()));
            requireRefusal(rule, refusal, "tools", "TOOLS is not declared, so a request with tools");
            return;
        }
        upstream.answer(scripted(rule, s -> s.nativeToolCall("call_tck_1", KitRequests.TOOL_NAME, KitRequests.TOOL_ARGUMENTS,
                PROMPT_TOKENS, COMPLETION_TOKENS)));

        ProviderResponse.Complete complete = complete(rule, createAdapter(), KitRequests.chatWithTools());

        assertTrue(upstream.requests().stream().anyMatch(request -> request.bodyText().contains(KitRequests.TOOL_NAME)),
                rule + ": the request sent upstream must carry the tool definitions (no mention of " + KitRequests.TOOL_NAME + " was sent)");
        JsonNode json = KitJson.object(rule, complete.body(), "the chat completion body");
        requireOpenAiEnvelope(rule, json, "chat.completion", "the chat completion");
        JsonNode call = KitJson.at(json, "choices", 0, "message", "tool_calls", 0);
        assertTrue(call != null && call.isObject(), rule + ": choices[0].message.tool_calls[0] must hold the upstream's tool call");
        assertEquals("function", KitJson.text(call, "type"), rule + ": tool_calls[0].type must be \"function\"");
        String id = KitJson.text(call, "id");
        assertTrue(id != null && !id.isEmpty(), rule + ": tool_calls[0].id must be a non-empty string");
        assertEquals(KitRequests.TOOL_NAME, KitJson.text(call, "function", "name"), rule + ": tool_calls[0].function.name");
        String arguments = KitJson.text(call, "function", "arguments");
        assertTrue(arguments != null, rule + ": tool_calls[0].function.arguments must be a string of JSON, as OpenAI sends it");
        assertEquals(KitJson.parse(KitRequests.TOOL_ARGUMENTS), KitJson.parse(arguments), rule + ": tool_calls[0].function.arguments must hold the upstream's arguments");
        assertEquals("tool_calls", KitJson.text(json, "choices", 0, "finish_reason"), rule + ": finish_reason must be \"tool_calls\"");
    }

    @Test
    void rule_P7_rateLimitIsRateLimitedWithTheUpstreamsRetryAfter()
    {
        String rule = "P7";
        Optional<Duration> retryAfter = declares(ProviderCapability.RETRY_AFTER) ? Optional.of(RETRY_AFTER) : Optional.empty();
        upstream.answer(script(rule).nativeError(ErrorKind.RATE_LIMITED, "Rate limit reached for requests per minute.", retryAfter));

        ProviderException failure = failure(rule, "the upstream answered with its rate-limit error",
                () -> sendWithinTimeouts(rule, createAdapter(), KitRequests.plain(primaryEndpoint())));

        assertEquals(ErrorKind.RATE_LIMITED, failure.kind(), rule + ": the upstream's rate-limit error must be kind RATE_LIMITED (" + failure.getMessage() + ")");
        assertEquals(retryAfter, failure.retryAfter(), retryAfter.isPresent()
                ? rule + ": ProviderException.retryAfter() must be the wait the upstream asked for"
                : rule + ": the upstream asked for no wait (RETRY_AFTER is not declared), so retryAfter() must be empty");
    }

    @Test
    void rule_P8_serverErrorIsRetryable()
    {
        String rule = "P8";
        upstream.answer(script(rule).nativeError(ErrorKind.UPSTREAM_SERVER, "The server had an error while processing your request.", Optional.empty()));

        ProviderException failure = failure(rule, "the upstream answered with its server error",
                () -> sendWithinTimeouts(rule, createAdapter(), KitRequests.plain(primaryEndpoint())));

        assertTrue(failure.kind().retryable(), rule + ": the upstream's server error must map to a retryable kind (UPSTREAM_SERVER or UNAVAILABLE), but was "
                + failure.kind() + " (" + failure.getMessage() + ")");
    }

    @Test
    void rule_P9_unauthorizedIsAuthentication()
    {
        String rule = "P9";
        upstream.answer(script(rule).nativeError(ErrorKind.AUTHENTICATION, "Invalid authentication credentials.", Optional.empty()));

        ProviderException failure = failure(rule, "the upstream refused the API key",
                () -> sendWithinTimeouts(rule, createAdapter(), KitRequests.plain(primaryEndpoint())));

        assertEquals(ErrorKind.AUTHENTICATION, failure.kind(), rule + ": the upstream's authentication error must be kind AUTHENTICATION (" + failure.getMessage() + ")");
    }

    @Test
    void rule_P10_errorsNeverEchoTheApiKey()
    {
        String rule = "P10";
        upstream.answer(script(rule).nativeError(ErrorKind.AUTHENTICATION, "Incorrect API key provided: " + apiKey + ". Find your key in the console.",
                Optional.empty()));

        ProviderException failure = failure(rule, "the upstream echoed the API key in its error",
                () -> sendWithinTimeouts(rule, createAdapter(), KitRequests.plain(primaryEndpoint())));

        requireNoKey(rule, "the ProviderException of an error that echoes the key", failure);
    }

    @Test
    void rule_P11_oneCallSendsOneUpstreamRequest()
    {
        String rule = "P11";
        UpstreamScript script = script(rule);
        Endpoint endpoint = primaryEndpoint();

        upstream.answer(nativeSuccess(rule, script, endpoint));
        closeQuietly(sendWithinTimeouts(rule, createAdapter(), KitRequests.plain(endpoint)));
        assertEquals(1, upstream.requests().size(), rule + ": a successful call must send exactly one upstream request");

        upstream.answer(script.nativeError(ErrorKind.UPSTREAM_SERVER, "The server had an error.", Optional.empty()));
        failure(rule, "the upstream answered with its server error", () -> sendWithinTimeouts(rule, createAdapter(), KitRequests.plain(endpoint)));
        assertEquals(2, upstream.requests().size(),
                rule + ": a failed call must send exactly one upstream request: the kernel retries (on another deployment, with its own policy), never the adapter");
    }

    @Test
    void rule_P12_streamCutMidwayFailsFromNext()
    {
        String rule = "P12";
        assumeDeclared(rule, ProviderCapability.STREAMING, "the refusal of streams is checked by P2");
        NativeResponse stream = script(rule).nativeStream(KitRequests.PIECES, PROMPT_TOKENS, COMPLETION_TOKENS);
        upstream.cutChunkedBodyAfter(stream, cutPoint(stream));

        streamFailure(rule, "the upstream's connection dropped in the middle of the stream (its chunked body had no last chunk)",
                KitTimeouts.within(timeouts().total()));
    }

    @Test
    void rule_P13_streamEndingWithoutItsEndFailsFromNext()
    {
        String rule = "P13";
        assumeDeclared(rule, ProviderCapability.STREAMING, "the refusal of streams is checked by P2");
        NativeResponse stream = script(rule).nativeStream(KitRequests.PIECES, PROMPT_TOKENS, COMPLETION_TOKENS);
        upstream.cutUnframedBodyAfter(stream, eventBoundaryBeforeCut(stream));

        streamFailure(rule, "the upstream's body ended between two events, before the provider's end of stream "
                + "(a body delimited by the connection closing: only the provider's format can tell)", KitTimeouts.within(timeouts().total()));
    }

    @Test
    void rule_P14_stalledStreamTimesOutFromNext()
    {
        String rule = "P14";
        assumeDeclared(rule, ProviderCapability.STREAMING, "the refusal of streams is checked by P2");
        NativeResponse stream = script(rule).nativeStream(KitRequests.PIECES, PROMPT_TOKENS, COMPLETION_TOKENS);
        upstream.stallBodyAfter(stream, eventBoundaryBeforeCut(stream));

        ProviderException failure = streamFailure(rule, "the upstream stopped sending in the middle of the stream",
                KitTimeouts.within(timeouts().idle()));

        assertEquals(ErrorKind.TIMEOUT, failure.kind(), rule + ": a stream that stalls past the idle timeout must fail with kind TIMEOUT ("
                + failure.getMessage() + ")");
    }

    // --- transport rules: they need no native format

    @Test
    void rule_P15_connectionRefusedIsUnavailable()
    {
        String rule = "P15";
        assumeDeclared(rule, ProviderCapability.UPSTREAM_HTTP, "the adapter calls no upstream");
        ProviderAdapter adapter = adapterAt(FakeUpstream.refusingBaseUri());

        ProviderException failure = failure(rule, "nothing listens at api_base",
                () -> sendWithinTimeouts(rule, adapter, KitRequests.plain(primaryEndpoint())));

        assertEquals(ErrorKind.UNAVAILABLE, failure.kind(), rule + ": a refused connection must be kind UNAVAILABLE, so that the kernel retries elsewhere ("
                + failure.getMessage() + ")");
    }

    @Test
    void rule_P16_stalledUpstreamTimesOutWithinTheTimeouts()
    {
        String rule = "P16";
        assumeDeclared(rule, ProviderCapability.UPSTREAM_HTTP, "the adapter calls no upstream");
        upstream.neverAnswer();

        ProviderException failure = failure(rule, "the upstream never answered",
                () -> sendWithinTimeouts(rule, createAdapter(), KitRequests.plain(primaryEndpoint())));

        assertEquals(ErrorKind.TIMEOUT, failure.kind(), rule + ": an upstream that never answers must fail with kind TIMEOUT (" + failure.getMessage() + ")");
    }

    @Test
    void rule_P17_apiKeyNeverInToStringOrTransportErrors()
    {
        String rule = "P17";
        ProviderAdapter adapter = createAdapter();
        requireNoKey(rule, "the adapter's toString()", String.valueOf(adapter));
        requireNoKey(rule, "the factory's toString()", String.valueOf(factory()));
        if (!declares(ProviderCapability.UPSTREAM_HTTP)) {
            return;
        }
        ProviderAdapter refused = adapterAt(FakeUpstream.refusingBaseUri());
        requireNoKey(rule, "the ProviderException of a refused connection",
                failure(rule, "nothing listens at api_base", () -> sendWithinTimeouts(rule, refused, KitRequests.plain(primaryEndpoint()))));

        upstream.answer(NativeResponse.of(500, "text/plain", ("upstream refused key " + apiKey).getBytes(StandardCharsets.UTF_8)));
        requireNoKey(rule, "the ProviderException of an unparseable error body that echoes the key",
                failure(rule, "the upstream answered 500 with a plain-text body", () -> sendWithinTimeouts(rule, adapter, KitRequests.plain(primaryEndpoint()))));
    }

    @Test
    void rule_P18_closeIsIdempotent()
    {
        ProviderAdapter adapter = createAdapter();

        adapter.close();
        adapter.close();
    }

    @Test
    void rule_P19_factoryIsWellFormed()
    {
        String rule = "P19";
        ProviderAdapterFactory factory = factory();

        assertTrue(ExtensionNames.wellFormed(factory.name()), rule + ": name() must be " + ExtensionNames.requirement() + ", but was '" + factory.name() + "'");
        Set<String> prefixes = factory.modelPrefixes();
        assertTrue(prefixes != null && !prefixes.isEmpty(), rule + ": modelPrefixes() must list at least one prefix (the 'acme' of 'acme/model')");
        for (String prefix : prefixes) {
            assertTrue(ExtensionNames.wellFormed(prefix), rule + ": model prefix '" + prefix + "' must be " + ExtensionNames.requirement() + " (and no '/')");
        }
        assertTrue(factory.endpoints() != null && !factory.endpoints().isEmpty(), rule + ": endpoints() must list at least one endpoint");
        Set<String> secretKeys = factory.secretKeys();
        assertTrue(secretKeys != null, rule + ": secretKeys() must not be null");
        deploymentParams(upstream.baseUri(), apiKey).forEach((key, value) -> assertTrue(!String.valueOf(value).contains(apiKey) || secretKeys.contains(key),
                rule + ": litellm_params." + key + " carries the API key, so secretKeys() must list '" + key + "' (it lists " + secretKeys + ")"));
    }

    @Test
    void rule_P20_missingRequiredParamIsAConfigExceptionNamingTheKey()
    {
        String rule = "P20";
        Map<String, Object> params = deploymentParams(upstream.baseUri(), apiKey);
        for (String required : requiredParams()) {
            Map<String, Object> without = new LinkedHashMap<>(params);
            without.remove(required);
            String expectedKey = PARAMS_PATH + "." + required;
            try {
                created(without, upstream.baseUri());
                fail(rule + ": without " + expectedKey + " the factory must throw a ConfigException naming it, but it created an adapter");
            }
            catch (ConfigException e) {
                assertEquals(expectedKey, e.key(), rule + ": the ConfigException for a missing " + required + " must name " + expectedKey);
            }
        }
        try {
            created(Map.of(), upstream.baseUri());
        }
        catch (ConfigException e) {
            assertTrue(e.key() != null && e.key().startsWith(PARAMS_PATH + "."), rule + ": with empty litellm_params, the ConfigException must name the missing key under "
                    + PARAMS_PATH + ", but named '" + e.key() + "'");
        }
        catch (RuntimeException e) {
            fail(rule + ": with empty litellm_params, the factory must create an adapter or throw a ConfigException naming the missing key, but threw "
                    + e.getClass().getName() + ": " + e.getMessage(), e);
        }
    }

    // --- helpers

    private boolean declares(ProviderCapability capability)
    {
        return capabilities().contains(capability);
    }

    private void assumeDeclared(String rule, ProviderCapability capability, String consequence)
    {
        Assumptions.assumeTrue(declares(capability), () -> rule + " does not apply: " + capability + " is not declared (" + consequence + ")");
    }

    private UpstreamScript script(String rule)
    {
        Optional<UpstreamScript> script = upstreamScript();
        Assumptions.assumeTrue(script.isPresent(), () -> rule + " " + NEEDS_OWN_TEST);
        return script.get();
    }

    private NativeResponse scripted(String rule, Function<UpstreamScript, NativeResponse> answer)
    {
        UpstreamScript script = script(rule);
        try {
            return answer.apply(script);
        }
        catch (UnsupportedOperationException e) {
            return fail(rule + ": " + e.getMessage());
        }
    }

    /** The endpoint the rules that are not about one endpoint use: chat when served, else whatever is. */
    private Endpoint primaryEndpoint()
    {
        if (declares(ProviderCapability.CHAT)) {
            return Endpoint.CHAT_COMPLETIONS;
        }
        if (declares(ProviderCapability.COMPLETIONS)) {
            return Endpoint.COMPLETIONS;
        }
        if (declares(ProviderCapability.EMBEDDINGS)) {
            return Endpoint.EMBEDDINGS;
        }
        return fail("the test declares none of CHAT, COMPLETIONS and EMBEDDINGS: the kit has no endpoint to call");
    }

    private NativeResponse nativeSuccess(String rule, UpstreamScript script, Endpoint endpoint)
    {
        return switch (endpoint) {
            case CHAT_COMPLETIONS -> script.nativeChatResponse(KitRequests.TEXT, PROMPT_TOKENS, COMPLETION_TOKENS);
            case COMPLETIONS -> scripted(rule, s -> s.nativeTextCompletion(KitRequests.TEXT, PROMPT_TOKENS, COMPLETION_TOKENS));
            case EMBEDDINGS -> scripted(rule, s -> s.nativeEmbedding(EMBEDDING.clone(), PROMPT_TOKENS));
        };
    }

    private void requireListed(String rule, ProviderCapability capability, Endpoint endpoint)
    {
        assertTrue(factory().endpoints().contains(endpoint), rule + ": " + capability + " is declared, but factory.endpoints() does not list " + endpoint
                + ": the kernel would refuse every such request");
    }

    private void requireStreamingListed(String rule)
    {
        requireListed(rule, ProviderCapability.STREAMING, Endpoint.CHAT_COMPLETIONS);
        assertTrue(factory().streams(), rule + ": STREAMING is declared, but factory.streams() is false: the kernel would refuse every stream");
    }

    /**
     * A capability not declared must be refused cleanly: the factory does not list the endpoint (the kernel then
     * refuses before any call), or the adapter throws INVALID_REQUEST naming it.
     */
    private void assertRefusedCleanly(String rule, ProviderCapability capability, Endpoint endpoint, ProviderRequest request, String word)
    {
        if (!factory().endpoints().contains(endpoint)) {
            return;
        }
        String scenario = capability + " is not declared, yet factory.endpoints() lists " + endpoint + "; a request for it";
        ProviderException refusal = failure(rule, scenario, () -> sendWithinTimeouts(rule, createAdapter(), request));
        requireRefusal(rule, refusal, word, scenario);
    }

    private void assertStreamingRefusedCleanly(String rule)
    {
        if (!factory().streams() || !factory().endpoints().contains(Endpoint.CHAT_COMPLETIONS)) {
            return;
        }
        String scenario = "STREAMING is not declared, yet factory.streams() is true; a request with stream: true";
        ProviderException refusal = failure(rule, scenario, () -> sendWithinTimeouts(rule, createAdapter(), KitRequests.chat(true)));
        requireRefusal(rule, refusal, "stream", scenario);
    }

    private static void requireRefusal(String rule, ProviderException refusal, String word, String scenario)
    {
        assertEquals(ErrorKind.INVALID_REQUEST, refusal.kind(), rule + ": " + scenario + " must be refused with kind INVALID_REQUEST, but was "
                + refusal.kind() + " (" + refusal.getMessage() + ")");
        String message = String.valueOf(refusal.getMessage()).toLowerCase(Locale.ROOT);
        assertTrue(message.contains(word), rule + ": " + scenario + " must be refused with a message naming '" + word + "', but it said: " + refusal.getMessage());
    }

    private static void requireOpenAiEnvelope(String rule, JsonNode json, String object, String what)
    {
        assertEquals(object, KitJson.text(json, "object"), rule + ": " + what + " must have \"object\": \"" + object + "\"");
        String id = KitJson.text(json, "id");
        assertTrue(id != null && !id.isEmpty(), rule + ": " + what + " must have a non-empty string \"id\" (OpenAI SDKs require it)");
        JsonNode created = json.get("created");
        assertTrue(created != null && created.isIntegralNumber(), rule + ": " + what + " must have \"created\" as whole seconds since the epoch");
        assertTrue(KitJson.text(json, "model") != null, rule + ": " + what + " must have a string \"model\"");
        JsonNode choices = json.get("choices");
        assertTrue(choices != null && choices.isArray(), rule + ": " + what + " must have a \"choices\" array");
    }

    private static void requireFinishReason(String rule, JsonNode json)
    {
        String finishReason = KitJson.text(json, "choices", 0, "finish_reason");
        assertTrue(finishReason != null && !finishReason.isEmpty(), rule + ": choices[0].finish_reason must be a string such as \"stop\"");
    }

    private static void requireUsage(String rule, JsonNode json, Usage usage)
    {
        JsonNode promptTokens = KitJson.at(json, "usage", "prompt_tokens");
        JsonNode completionTokens = KitJson.at(json, "usage", "completion_tokens");
        assertTrue(promptTokens != null && promptTokens.asLong() == PROMPT_TOKENS && completionTokens != null && completionTokens.asLong() == COMPLETION_TOKENS,
                rule + ": the body's usage must report the upstream's " + PROMPT_TOKENS + " prompt and " + COMPLETION_TOKENS + " completion tokens, but was "
                        + json.get("usage"));
        assertEquals(PROMPT_TOKENS, usage.promptTokens(), rule + ": Complete.usage().promptTokens()");
        assertEquals(COMPLETION_TOKENS, usage.completionTokens(), rule + ": Complete.usage().completionTokens()");
    }

    private void requireNoKey(String rule, String where, String text)
    {
        assertFalse(text != null && text.contains(apiKey), rule + ": " + where + " shows the API key: mask it (Secret.toString() does)");
    }

    private void requireNoKey(String rule, String where, ProviderException failure)
    {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            requireNoKey(rule, where + " (message of " + cause.getClass().getSimpleName() + ")", cause.getMessage());
            requireNoKey(rule, where + " (toString of " + cause.getClass().getSimpleName() + ")", cause.toString());
        }
        requireNoKey(rule, where + " (code)", failure.code().orElse(null));
        requireNoKey(rule, where + " (param)", failure.param().orElse(null));
        requireNoKey(rule, where + " (headers)", String.valueOf(failure.headers()));
    }

    private ProviderResponse.Complete complete(String rule, ProviderAdapter adapter, ProviderRequest request)
    {
        ProviderResponse response = sendWithinTimeouts(rule, adapter, request);
        if (response instanceof ProviderResponse.Complete complete) {
            return complete;
        }
        closeQuietly(response);
        return fail(rule + ": a request without stream must be answered with a ProviderResponse.Complete, but was " + response);
    }

    private ProviderResponse sendWithinTimeouts(String rule, ProviderAdapter adapter, ProviderRequest request)
    {
        Duration bound = KitTimeouts.within(timeouts().total());
        ProviderResponse response = assertTimeoutPreemptively(bound, () -> adapter.send(request),
                () -> rule + ": send() did not return within " + bound.toMillis() + " ms although the deployment's total timeout is "
                        + timeouts().total().toMillis() + " ms (does the adapter pass DeploymentSpec.timeouts() on to every UpstreamRequest?)");
        assertTrue(response != null, rule + ": send() must return a response or throw, never return null");
        return response;
    }

    private record Drained(List<JsonNode> chunks, Usage usage) {}

    private Drained drainedChunks(String rule, ProviderAdapter adapter)
    {
        ProviderResponse response = sendWithinTimeouts(rule, adapter, KitRequests.chat(true));
        if (!(response instanceof ProviderResponse.Streaming streaming)) {
            closeQuietly(response);
            return fail(rule + ": a request with stream: true must be answered with a ProviderResponse.Streaming, but was " + response);
        }
        Duration bound = KitTimeouts.within(timeouts().total());
        return assertTimeoutPreemptively(bound, () -> {
            List<JsonNode> chunks = new ArrayList<>();
            try (ChunkStream stream = streaming.chunks()) {
                for (int i = 0; i < MAX_CHUNKS; i++) {
                    byte[] chunk = stream.next();
                    if (chunk == null) {
                        return new Drained(chunks, stream.usage());
                    }
                    chunks.add(KitJson.object(rule, chunk, "chunk " + i + " (one JSON object, without \"data: \" and without [DONE])"));
                }
            }
            return fail(rule + ": the stream did not end after " + MAX_CHUNKS + " chunks");
        }, () -> rule + ": the stream did not end within " + bound.toMillis() + " ms");
    }

    /** Sends a streamed chat that must fail, from send() or from next(), but never end cleanly. */
    private ProviderException streamFailure(String rule, String scenario, Duration bound)
    {
        ProviderAdapter adapter = createAdapter();
        return assertTimeoutPreemptively(bound, () -> {
            ProviderResponse response;
            try {
                response = adapter.send(KitRequests.chat(true));
            }
            catch (ProviderException e) {
                return e;
            }
            if (!(response instanceof ProviderResponse.Streaming streaming)) {
                closeQuietly(response);
                return fail(rule + ": a request with stream: true must be answered with a ProviderResponse.Streaming, but was " + response);
            }
            int delivered = 0;
            try (ChunkStream stream = streaming.chunks()) {
                while (delivered < MAX_CHUNKS) {
                    byte[] chunk;
                    try {
                        chunk = stream.next();
                    }
                    catch (ProviderException e) {
                        return e;
                    }
                    catch (RuntimeException e) {
                        return fail(rule + ": " + scenario + "; next() must then throw a ProviderException, but threw " + e.getClass().getName() + ": " + e.getMessage(), e);
                    }
                    if (chunk == null) {
                        return fail(rule + ": " + scenario + ", yet next() returned null, a clean end, after " + delivered
                                + " chunks: the client would take a truncated answer for a whole one. Throw a ProviderException when the upstream's "
                                + "stream ends before its end-of-stream marker or its read fails");
                    }
                    delivered++;
                }
            }
            return fail(rule + ": " + scenario + ", yet the stream yielded " + MAX_CHUNKS + " chunks without failing");
        }, () -> rule + ": " + scenario + "; the stream must fail within " + bound.toMillis() + " ms (the idle or total timeout plus slack), but did not");
    }

    private static ProviderException failure(String rule, String scenario, ThrowingSupplier<ProviderResponse> call)
    {
        ProviderResponse response;
        try {
            response = call.get();
        }
        catch (ProviderException e) {
            return e;
        }
        catch (AssertionError | TestAbortedException e) {
            throw e;
        }
        catch (Throwable e) {
            return fail(rule + ": " + scenario + "; the adapter must throw a ProviderException, but threw " + e.getClass().getName() + ": " + e.getMessage(), e);
        }
        closeQuietly(response);
        return fail(rule + ": " + scenario + "; the adapter must throw a ProviderException, but answered " + response);
    }

    /** Where a scripted stream is cut: inside the piece carrying the marker word, else in the middle. */
    private static int cutPoint(NativeResponse stream)
    {
        byte[] body = stream.body();
        byte[] marker = KitRequests.CUT_MARKER.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + marker.length <= body.length; i++) {
            if (Arrays.equals(body, i, i + marker.length, marker, 0, marker.length)) {
                return i + marker.length / 2;
            }
        }
        return body.length / 2;
    }

    /**
     * The end of the last line before the cut point: for line-based formats (SSE, NDJSON) the body then ends between
     * two whole events, so nothing but the missing end of stream can tell the adapter it was cut.
     */
    private static int eventBoundaryBeforeCut(NativeResponse stream)
    {
        byte[] body = stream.body();
        for (int i = cutPoint(stream) - 1; i >= 0; i--) {
            if (body[i] == '\n') {
                return i + 1;
            }
        }
        return cutPoint(stream);
    }

    private ProviderAdapter adapterAt(URI base)
    {
        return adapterWith(deploymentParams(base, apiKey), base);
    }

    private ProviderAdapter adapterWith(Map<String, ?> params, URI base)
    {
        try {
            return created(params, base);
        }
        catch (ConfigException e) {
            String refusal = "the factory refused the kit's litellm_params " + params.keySet() + " (" + e.getMessage() + "). Supply what the adapter needs "
                    + "in deploymentParams() (the validator: -P key=value)";
            if (upstreamScript().isEmpty()) {
                // the validator cannot know a provider's required settings: not applicable until they are given, not a fault
                Assumptions.abort(refusal);
            }
            return fail(refusal, e);
        }
    }

    /** An adapter from exactly these parameters; a ConfigException is the caller's to judge. */
    private ProviderAdapter created(Map<String, ?> params, URI base)
    {
        DeploymentSpec deployment = new DeploymentSpec("tck-deployment", KitRequests.MODEL_GROUP, provider(), upstreamModel(),
                new ConfigView(PARAMS_PATH, params), timeouts());
        ProviderAdapter adapter = factory().create(deployment, new ProviderContext(client, new ManualClock(), false));
        if (adapter == null) {
            return fail("the factory's create() returned null for a deployment at " + base);
        }
        adapters.add(adapter);
        return adapter;
    }

    private static void closeQuietly(ProviderResponse response)
    {
        if (response instanceof ProviderResponse.Streaming streaming) {
            try {
                streaming.chunks().close();
            }
            catch (RuntimeException ignored) {
                // the rule has already failed or passed on something else
            }
        }
    }
}
