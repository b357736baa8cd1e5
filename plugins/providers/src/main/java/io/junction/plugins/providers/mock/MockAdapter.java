package io.junction.plugins.providers.mock;

import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.ProviderRequest;
import io.junction.spi.provider.ProviderResponse;
import io.junction.spi.provider.Usage;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers without any network, like LiteLLM's {@code mock_response}: the configured text as a chat completion,
 * a stream of one chunk per word, a text completion, or deterministic embeddings; or the configured LiteLLM error.
 */
final class MockAdapter
        implements ProviderAdapter
{
    // a word with the whitespace before it, so that the pieces put together give back the text exactly
    private static final Pattern WORD = Pattern.compile("\\s*\\S+");

    private final MockSettings settings;
    private final InstantSource clock;
    private final Sleeper sleeper;
    private final Supplier<String> ids;

    /**
     * @param sleeper waits out {@code mock_delay}; tests pass one that records instead
     * @param ids the random part of response ids
     */
    MockAdapter(MockSettings settings, InstantSource clock, Sleeper sleeper, Supplier<String> ids)
    {
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.ids = ids;
    }

    static String randomId()
    {
        return UUID.randomUUID().toString().replace("-", "");
    }

    @Override
    public ProviderResponse send(ProviderRequest request)
    {
        MockRequest body = MockRequest.parse(request.body());
        switch (request.endpoint()) {
            case CHAT_COMPLETIONS -> body.requireMessages();
            case COMPLETIONS -> body.requirePrompt();
            case EMBEDDINGS -> {
                if (request.stream()) {
                    throw MockRequest.invalid("embeddings cannot be streamed: leave out \"stream\"");
                }
            }
        }
        waitOutDelay();
        settings.error().ifPresent(error -> {
            throw error.toException(request.modelGroup());
        });
        return switch (request.endpoint()) {
            case CHAT_COMPLETIONS -> request.stream() ? streamChat(request, body) : chat(request);
            case COMPLETIONS -> request.stream() ? streamText(request, body) : text(request);
            case EMBEDDINGS -> embeddings(request, body);
        };
    }

    private ProviderResponse chat(ProviderRequest request)
    {
        List<String> words = words(settings.response());
        Usage usage = Usage.of(request.estimatedPromptTokens(), words.size());
        return new ProviderResponse.Complete(MockBodies.chatCompletion(header("chatcmpl-", "chat.completion", request), settings.response(), usage), usage);
    }

    private ProviderResponse text(ProviderRequest request)
    {
        List<String> words = words(settings.response());
        Usage usage = Usage.of(request.estimatedPromptTokens(), words.size());
        return new ProviderResponse.Complete(MockBodies.textCompletion(header("cmpl-", "text_completion", request), settings.response(), usage), usage);
    }

    private ProviderResponse streamChat(ProviderRequest request, MockRequest body)
    {
        MockBodies.Header header = header("chatcmpl-", "chat.completion.chunk", request);
        boolean includeUsage = body.includeUsage();
        List<String> words = words(settings.response());
        Usage usage = Usage.of(request.estimatedPromptTokens(), words.size());
        List<byte[]> chunks = new ArrayList<>(words.size() + 3);
        chunks.add(MockBodies.chatChunk(header, "assistant", "", null, includeUsage));
        for (String word : words) {
            chunks.add(MockBodies.chatChunk(header, null, word, null, includeUsage));
        }
        chunks.add(MockBodies.chatChunk(header, null, null, "stop", includeUsage));
        if (includeUsage) {
            chunks.add(MockBodies.usageChunk(header, usage));
        }
        return new ProviderResponse.Streaming(new MockChunkStream(chunks, usage));
    }

    private ProviderResponse streamText(ProviderRequest request, MockRequest body)
    {
        MockBodies.Header header = header("cmpl-", "text_completion", request);
        boolean includeUsage = body.includeUsage();
        List<String> words = words(settings.response());
        Usage usage = Usage.of(request.estimatedPromptTokens(), words.size());
        List<byte[]> chunks = new ArrayList<>(words.size() + 2);
        for (String word : words) {
            chunks.add(MockBodies.textChunk(header, word, null, includeUsage));
        }
        chunks.add(MockBodies.textChunk(header, "", "stop", includeUsage));
        if (includeUsage) {
            chunks.add(MockBodies.usageChunk(header, usage));
        }
        return new ProviderResponse.Streaming(new MockChunkStream(chunks, usage));
    }

    private ProviderResponse embeddings(ProviderRequest request, MockRequest body)
    {
        List<String> inputs = body.embeddingInputs();
        int dimensions = body.dimensions(settings.embeddingDimensions());
        boolean base64 = body.base64Encoding();
        List<float[]> vectors = new ArrayList<>(inputs.size());
        for (String input : inputs) {
            vectors.add(MockEmbeddings.vector(input, dimensions));
        }
        Usage usage = Usage.of(request.estimatedPromptTokens(), 0);
        return new ProviderResponse.Complete(MockBodies.embeddings(request.modelGroup(), vectors, base64, usage), usage);
    }

    private MockBodies.Header header(String idPrefix, String object, ProviderRequest request)
    {
        return new MockBodies.Header(idPrefix + ids.get(), object, clock.instant().getEpochSecond(), request.modelGroup());
    }

    private void waitOutDelay()
    {
        if (settings.delay().isZero()) {
            return;
        }
        try {
            sleeper.sleep(settings.delay());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ErrorKind.UNAVAILABLE, "interrupted while waiting out mock_delay", e);
        }
    }

    /** The text cut into words, each with the whitespace before it; trailing whitespace stays on the last word. */
    static List<String> words(String text)
    {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        int end = 0;
        while (matcher.find()) {
            words.add(matcher.group());
            end = matcher.end();
        }
        if (end < text.length() && !words.isEmpty()) {
            words.set(words.size() - 1, words.getLast() + text.substring(end));
        }
        return words;
    }

    @FunctionalInterface
    interface Sleeper
    {
        Sleeper THREAD = duration -> Thread.sleep(duration);

        void sleep(Duration duration)
                throws InterruptedException;
    }
}
