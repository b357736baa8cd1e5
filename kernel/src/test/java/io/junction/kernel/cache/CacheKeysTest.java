package io.junction.kernel.cache;

import io.junction.spi.provider.Endpoint;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class CacheKeysTest
{
    @Test
    void keyIgnoresJsonKeyOrderAtEveryDepth()
    {
        assertEquals(
                key("{\"model\":\"m\",\"temperature\":0,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"),
                key("{\"messages\":[{\"content\":\"hi\",\"role\":\"user\"}],\"temperature\":0,\"model\":\"m\"}"));
    }

    @Test
    void keyIgnoresFieldsThatDoNotChangeTheAnswer()
    {
        assertEquals(
                key("{\"model\":\"m\",\"messages\":[]}"),
                key("{\"model\":\"m\",\"messages\":[],\"stream\":false,\"user\":\"alice\",\"metadata\":{\"trace\":\"1\"}}"));
    }

    @Test
    void keyChangesWithAnythingThatChangesTheAnswer()
    {
        String base = key("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertNotEquals(base, key("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}"));
        assertNotEquals(base, key("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":1}"));
        assertNotEquals(base, CacheKeys.exactKey(Endpoint.CHAT_COMPLETIONS, "other-group", bytes("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")));
        assertNotEquals(base, CacheKeys.exactKey(Endpoint.COMPLETIONS, "group", bytes("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")));
        // array order is meaningful (message order)
        assertNotEquals(key("{\"model\":\"m\",\"stop\":[\"a\",\"b\"]}"), key("{\"model\":\"m\",\"stop\":[\"b\",\"a\"]}"));
    }

    private static String key(String body)
    {
        return CacheKeys.exactKey(Endpoint.CHAT_COMPLETIONS, "group", bytes(body));
    }

    private static byte[] bytes(String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
