package io.junction.tck.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestBodiesTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void bodiesAreLiteLlmsLocustPayload()
            throws Exception
    {
        RequestBodies bodies = RequestBodies.litellmLocust(3, false, new Random(1));
        JsonNode body = JSON.readTree(bodies.get(0));
        assertEquals("fake-openai-endpoint", body.path("model").asText());
        assertEquals("my-new-end-user-1", body.path("user").asText());
        assertEquals("user", body.at("/messages/0/role").asText());
        String content = body.at("/messages/0/content").asText();
        String uuid = content.substring(0, 36);
        assertEquals((uuid + " This is a test there will be no cache hits and we'll fill up the context").repeat(150), content);
        assertFalse(body.has("stream"));
        assertEquals(bodies.bytesPerBody(), bodies.get(0).length);
    }

    @Test
    void thePoolCyclesThroughDistinctBodies()
            throws Exception
    {
        RequestBodies bodies = RequestBodies.litellmLocust(3, true, new Random(2));
        assertNotEquals(new String(bodies.get(0)), new String(bodies.get(1)));
        assertEquals(new String(bodies.get(0)), new String(bodies.get(3)));
        assertTrue(JSON.readTree(bodies.get(4)).path("stream").asBoolean());
    }
}
