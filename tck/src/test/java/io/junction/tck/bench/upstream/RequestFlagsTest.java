package io.junction.tck.bench.upstream;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RequestFlagsTest
{
    @Test
    void findsStreamTrueWhereverItSits()
    {
        assertEquals(new RequestFlags(true, false), scan("{\"model\":\"m\",\"stream\":true}"));
        assertEquals(new RequestFlags(true, false), scan("{\"stream\" :\n true, \"model\":\"m\"}"));
        assertEquals(new RequestFlags(false, false), scan("{\"stream\":false}"));
        assertEquals(new RequestFlags(false, false), scan("{\"model\":\"m\"}"));
    }

    @Test
    void findsIncludeUsage()
    {
        assertEquals(new RequestFlags(true, true), scan("{\"stream\":true,\"stream_options\":{\"include_usage\":true}}"));
        assertEquals(new RequestFlags(true, false), scan("{\"stream\":true,\"stream_options\":{\"include_usage\":false}}"));
    }

    @Test
    void ignoresTheWordsInsideStringValues()
    {
        // inside a JSON string the quotes are escaped, so "stream" there is never a key
        assertEquals(new RequestFlags(false, false), scan("{\"messages\":[{\"content\":\"say \\\"stream\\\": true\"}],\"user\":\"stream\"}"));
        assertEquals(new RequestFlags(false, false), scan("{\"stream_options\":true}"));
    }

    @Test
    void deploymentKeysComeFromThePathOrTheHeader()
    {
        assertEquals("quota-a", FakeUpstream.deploymentKey("/d/quota-a/v1/chat/completions", null));
        assertEquals("default", FakeUpstream.deploymentKey("/v1/chat/completions", null));
        assertEquals("from-header", FakeUpstream.deploymentKey("/chat/completions", "from-header"));
        assertEquals("invalid-key", FakeUpstream.deploymentKey("/chat/completions", "a\"b"));
    }

    private static RequestFlags scan(String json)
    {
        return RequestFlags.scan(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
    }
}
