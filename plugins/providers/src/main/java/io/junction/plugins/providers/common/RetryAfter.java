package io.junction.plugins.providers.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * How long an upstream asked callers to wait: {@code retry-after-ms} (milliseconds, which OpenAI and Azure send,
 * more precise, so preferred) or {@code retry-after} (seconds or an HTTP-date, RFC 9110).
 */
public final class RetryAfter
{
    private RetryAfter() {}

    /**
     * @param headers by lower-case name
     * @param now the current time, to turn an HTTP-date into a wait
     */
    public static Optional<Duration> from(Map<String, String> headers, Instant now)
    {
        Optional<Duration> millis = Optional.ofNullable(headers.get("retry-after-ms"))
                .flatMap(value -> number(value).map(ms -> Duration.ofNanos(Math.round(ms * 1_000_000d))));
        if (millis.isPresent()) {
            return millis;
        }
        String value = headers.get("retry-after");
        if (value == null) {
            return Optional.empty();
        }
        Optional<Duration> seconds = number(value).map(s -> Duration.ofNanos(Math.round(s * 1_000_000_000d)));
        return seconds.isPresent() ? seconds : httpDate(value, now);
    }

    private static Optional<Double> number(String value)
    {
        try {
            double number = Double.parseDouble(value.trim());
            // a wait of days is a misreading, not advice worth following
            return number >= 0 && number <= 86_400_000 ? Optional.of(number) : Optional.empty();
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> httpDate(String value, Instant now)
    {
        try {
            Instant until = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, until);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        }
        catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
