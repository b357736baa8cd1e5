package io.junction.plugins.providers.common;

import io.junction.spi.ConfigException;
import io.junction.spi.ConfigView;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExtraHeadersTest
{
    private static final String PREFIX = "model_list[0].litellm_params";

    @Test
    void addsTheHeadersWithLowerCaseNames()
    {
        Map<String, String> headers = new LinkedHashMap<>(Map.of("authorization", "Bearer k"));

        ExtraHeaders.putInto(headers, new ConfigView(PREFIX, Map.of("extra_headers", Map.of("X-Trace", "abc"))));

        assertEquals(Map.of("authorization", "Bearer k", "x-trace", "abc"), headers);
    }

    @Test
    void refusesANameThatIsNotAnHttpTokenNamingTheKey()
    {
        ConfigView params = new ConfigView(PREFIX, Map.of("extra_headers", Map.of("X Trace", "abc")));

        ConfigException failure = assertThrows(ConfigException.class, () -> ExtraHeaders.putInto(new LinkedHashMap<>(), params, "anthropic-beta"));

        assertEquals(PREFIX + ".extra_headers.X Trace", failure.key());
        assertEquals(PREFIX + ".extra_headers.X Trace: is not a valid HTTP header name. Fix: use letters, digits and - only, e.g. anthropic-beta.", failure.getMessage());
    }
}
