package io.junction.plugins.providers.common;

import io.junction.spi.ConfigException;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The base-URL check every provider shares: the key, what was written and the fix in every failure. */
class HttpUrlsTest
{
    private static final String KEY = "model_list[0].litellm_params.api_base";
    private static final String FIX = " Fix: set it.";

    @Test
    void dropsTrailingSlashesOnly()
    {
        assertEquals("https://host/v1", HttpUrls.withoutTrailingSlashes("https://host/v1///"));
        assertEquals("https://host/v1", HttpUrls.withoutTrailingSlashes("https://host/v1"));
    }

    @Test
    void acceptsAnHttpUrlWithAHost()
    {
        assertEquals(URI.create("http://localhost:8000/v1"), HttpUrls.checked(KEY, "http://localhost:8000/v1", FIX));
        assertEquals(URI.create("HTTPS://host/v1/messages"), HttpUrls.checked(KEY, "HTTPS://host", "HTTPS://host/v1/messages", FIX));
    }

    @Test
    void failuresNameTheKeyQuoteWhatWasWrittenAndEndWithTheFix()
    {
        ConfigException invalid = assertThrows(ConfigException.class, () -> HttpUrls.checked(KEY, "https://host/a b", FIX));
        assertEquals(KEY, invalid.key());
        assertEquals(KEY + ": is not a valid URL: 'https://host/a b' (Illegal character in path). Fix: set it.", invalid.getMessage());

        ConfigException notHttp = assertThrows(ConfigException.class, () -> HttpUrls.checked(KEY, "ftp://host", "ftp://host/v1/messages", FIX));
        assertEquals(KEY + ": must be an http or https URL with a host but was 'ftp://host'. Fix: set it.", notHttp.getMessage());

        ConfigException withQuery = assertThrows(ConfigException.class, () -> HttpUrls.checked(KEY, "https://host?a=b", FIX));
        assertEquals(KEY + ": must not have a query or fragment but was 'https://host?a=b'. Fix: set it.", withQuery.getMessage());
        assertThrows(ConfigException.class, () -> HttpUrls.checked(KEY, "https://host#top", FIX));
    }

    @Test
    void aJoinedPathMayBringItsOwnQueryButTheBaseMayNot()
    {
        assertEquals(URI.create("https://res.openai.azure.com/openai/deployments/d/chat/completions?api-version=1"),
                HttpUrls.joined(KEY, "https://res.openai.azure.com", "/openai/deployments/d/chat/completions?api-version=1", FIX));

        ConfigException baseQuery = assertThrows(ConfigException.class, () -> HttpUrls.joined(KEY, "https://host?a=b", "/chat/completions", FIX));
        assertEquals(KEY + ": must not have a query or fragment but was 'https://host?a=b'. Fix: set it.", baseQuery.getMessage());
    }
}
