package io.junction.spi.provider;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProviderRequestTest
{
    @Test
    void bodyWithModelReplacesOnlyTheModelValue()
    {
        String body = "{\"model\":\"my-group\",\"messages\":[{\"role\":\"user\",\"content\":\"model\"}]}";
        int start = body.indexOf("\"my-group\"");
        ProviderRequest request = request(body, start, start + "\"my-group\"".length());
        assertEquals("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"model\"}]}",
                new String(request.bodyWithModel("gpt-4o"), StandardCharsets.UTF_8));
    }

    @Test
    void bodyWithModelEscapesTheNewValue()
    {
        String body = "{\"model\":\"g\"}";
        ProviderRequest request = request(body, 9, 12);
        assertEquals("{\"model\":\"a\\\"b\\\\c\\n\"}", new String(request.bodyWithModel("a\"b\\c\n"), StandardCharsets.UTF_8));
    }

    @Test
    void rejectsASpanOutsideTheBody()
    {
        assertThrows(IllegalArgumentException.class, () -> request("{}", 1, 5));
        assertThrows(IllegalArgumentException.class, () -> request("{}", -1, 1));
        assertThrows(IllegalStateException.class, () -> request("{}", -1, -1).bodyWithModel("m"));
    }

    private static ProviderRequest request(String body, int start, int end)
    {
        return new ProviderRequest("call", Endpoint.CHAT_COMPLETIONS, "group", false, body.getBytes(StandardCharsets.UTF_8), start, end, 1);
    }
}
