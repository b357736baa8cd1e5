package io.junction.plugins.routing.cost;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PriceTableTest
{
    private static final double EXACT = 1e-15;

    private final PriceTable shipped = PriceTable.shipped();

    @Test
    void theShippedTableCoversTheCommonProviders()
    {
        // one model of each family the table promises
        assertPerMillion("openai", "gpt-4o", 2.50, 10.00);
        assertPerMillion("anthropic", "claude-sonnet-4-5-20250929", 3.00, 15.00);
        assertPerMillion("gemini", "gemini-2.5-flash", 0.30, 2.50);
        assertPerMillion("mistral", "mistral-large-latest", 0.50, 1.50);
        assertPerMillion("groq", "llama-3.3-70b-versatile", 0.59, 0.79);
        assertPerMillion("bedrock", "anthropic.claude-3-5-haiku-20241022-v1:0", 0.80, 4.00);
        assertPerMillion("bedrock", "amazon.nova-lite-v1:0", 0.06, 0.24);
        assertPerMillion("deepseek", "deepseek-chat", 0.28, 0.42);
        assertTrue(shipped.size() >= 50, "the table has " + shipped.size() + " entries");
    }

    @Test
    void aModelIsFoundWithOrWithoutItsProviderPrefix()
    {
        // bare key, asked with a provider
        assertPerMillion("vertex_ai", "gemini-2.5-pro", 1.25, 10.00);
        // prefixed key, asked with the same provider
        assertPerMillion("groq", "llama-3.1-8b-instant", 0.05, 0.08);
        // the model names its provider itself, as through openrouter
        assertPerMillion("openrouter", "openai/gpt-4o-mini", 0.15, 0.60);
    }

    @Test
    void aHostSpecificPriceIsNotLentToAnotherHost()
    {
        assertTrue(shipped.find("together_ai", "llama-3.3-70b-versatile").isEmpty());
    }

    @Test
    void bedrockCrossRegionAndConversePrefixesAreIgnored()
    {
        assertPerMillion("bedrock", "us.anthropic.claude-sonnet-4-20250514-v1:0", 3.00, 15.00);
        assertPerMillion("bedrock", "converse/eu.amazon.nova-pro-v1:0", 0.80, 3.20);
    }

    @Test
    void matchingIgnoresCase()
    {
        assertPerMillion("OpenAI", "GPT-4o", 2.50, 10.00);
    }

    @Test
    void anUnlistedModelHasNoPrice()
    {
        assertTrue(shipped.find("openai", "my-fine-tune").isEmpty());
        assertTrue(shipped.find("hosted_vllm", "meta-llama/Llama-3.3-70B-Instruct").isEmpty());
    }

    @Test
    void aMalformedTableIsRefusedWithItsReason()
    {
        IOException negative = assertThrows(IOException.class, () -> read("{\"usd_per_million_tokens\": {\"m\": {\"input\": -1, \"output\": 2}}}"));
        assertTrue(negative.getMessage().contains("'m'"), negative.getMessage());

        IOException missing = assertThrows(IOException.class, () -> read("{\"usd_per_million_tokens\": {\"m\": {\"input\": 1}}}"));
        assertTrue(missing.getMessage().contains("'m'"), missing.getMessage());

        assertThrows(IOException.class, () -> read("{\"about\": \"no prices\"}"));
        assertThrows(IOException.class, () -> read("[]"));
    }

    @Test
    void documentationFieldsAreSkipped()
            throws IOException
    {
        PriceTable table = read("{\"about\": {\"nested\": [1, 2]}, \"usd_per_million_tokens\": {\"m\": {\"input\": 1, \"output\": 2, \"note\": \"x\"}}}");

        assertEquals(new TokenPrice(1e-6, 2e-6), table.find("any", "m").orElseThrow());
    }

    private void assertPerMillion(String provider, String model, double input, double output)
    {
        TokenPrice price = shipped.find(provider, model).orElseThrow(() -> new AssertionError("no price for " + provider + "/" + model));
        assertEquals(input / 1e6, price.input(), EXACT, provider + "/" + model + " input");
        assertEquals(output / 1e6, price.output(), EXACT, provider + "/" + model + " output");
    }

    private static PriceTable read(String json)
            throws IOException
    {
        try (InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))) {
            return PriceTable.read(in);
        }
    }
}
