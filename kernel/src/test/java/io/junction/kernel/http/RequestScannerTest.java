package io.junction.kernel.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestScannerTest
{
    @Test
    void findsTheModelValueSpanSoItCanBeReplacedAsBytes()
    {
        byte[] body = bytes("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}], \"model\" : \"gpt-4o\",\"temperature\":0.2}");
        ScannedRequest scanned = RequestScanner.scan(body);
        assertEquals("gpt-4o", scanned.model());
        assertEquals("\"gpt-4o\"", new String(body, scanned.modelValueStart(), scanned.modelValueEnd() - scanned.modelValueStart(), StandardCharsets.UTF_8));
    }

    @Test
    void spanCountsBytesNotCharactersWhenTextBeforeItIsMultiByte()
    {
        byte[] body = bytes("{\"messages\":[{\"role\":\"user\",\"content\":\"héllo ✓ 日本\"}],\"model\":\"m-é\"}");
        ScannedRequest scanned = RequestScanner.scan(body);
        assertEquals("\"m-é\"", new String(body, scanned.modelValueStart(), scanned.modelValueEnd() - scanned.modelValueStart(), StandardCharsets.UTF_8));
    }

    @Test
    void readsStreamOptionsAndUser()
    {
        ScannedRequest scanned = RequestScanner.scan(bytes("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"user\":\"u-1\"}"));
        assertTrue(scanned.stream());
        assertTrue(scanned.includeUsage());
        assertEquals("u-1", scanned.user().orElseThrow());
        ScannedRequest plain = RequestScanner.scan(bytes("{\"model\":\"m\"}"));
        assertFalse(plain.stream());
        assertFalse(plain.includeUsage());
    }

    @Test
    void estimatesPromptTokensFromTheTextOfMessagesPromptAndInput()
    {
        String text = "x".repeat(4000);
        int messages = RequestScanner.scan(bytes("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}")).estimatedPromptTokens();
        assertTrue(messages >= 1000 && messages <= 1050, "estimate " + messages);
        int input = RequestScanner.scan(bytes("{\"model\":\"m\",\"input\":[\"" + text + "\"]}")).estimatedPromptTokens();
        assertTrue(input >= 1000 && input <= 1010, "estimate " + input);
        assertEquals(1000, RequestScanner.scan(bytes("{\"model\":\"m\",\"prompt\":\"" + text + "\"}")).estimatedPromptTokens());
        assertEquals(0, RequestScanner.scan(bytes("{\"model\":\"m\",\"tools\":[{\"description\":\"" + text + "\"}]}")).estimatedPromptTokens());
    }

    @Test
    void rejectsBodiesItCannotRoute()
    {
        assertMessage("{\"model\":", "not valid JSON");
        assertMessage("\"just a string\"", "must be a JSON object");
        assertMessage("{\"model\":42}", "'model' must be a string");
        assertMessage("{\"model\":\"m\",\"stream\":\"yes\"}", "'stream' must be true or false");
        assertMessage("{\"messages\":[]}", "model parameter");
        assertMessage("{\"model\":\"m\"} {\"model\":\"n\"}", "content after its JSON object");
        assertMessage("{\"model\":\"m\",\"deep\":" + "[".repeat(500) + "]".repeat(500) + "}", "nested too deeply");
    }

    private static void assertMessage(String body, String expected)
    {
        GatewayError error = assertThrows(GatewayError.class, () -> RequestScanner.scan(bytes(body)));
        assertEquals(400, error.status());
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    private static byte[] bytes(String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
