package io.junction.kernel.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The overhead headers: milliseconds with three decimals, as LiteLLM's dashboards parse them. */
class ResponseHeadersTest
{
    @Test
    void overheadHasThreeDecimalsPaddedWithZeros()
    {
        assertEquals("0.000", ResponseHeaders.milliseconds(0));
        assertEquals("0.000", ResponseHeaders.milliseconds(999), "below a microsecond");
        assertEquals("0.005", ResponseHeaders.milliseconds(5_000));
        assertEquals("0.045", ResponseHeaders.milliseconds(45_999));
        assertEquals("0.450", ResponseHeaders.milliseconds(450_000));
        assertEquals("1.000", ResponseHeaders.milliseconds(1_000_000));
        assertEquals("1234.567", ResponseHeaders.milliseconds(1_234_567_890));
    }
}
