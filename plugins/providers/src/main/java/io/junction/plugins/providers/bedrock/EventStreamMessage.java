package io.junction.plugins.providers.bedrock;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One message of an {@code application/vnd.amazon.eventstream} body: its headers, by name, and its payload.
 *
 * @param headers values as their wire type decodes: {@link Boolean}, {@link Byte}, {@link Short}, {@link Integer},
 *        {@link Long}, {@code byte[]}, {@link String}, {@link java.time.Instant} (timestamp), {@link java.util.UUID}
 */
record EventStreamMessage(Map<String, Object> headers, byte[] payload)
{
    EventStreamMessage
    {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Objects.requireNonNull(payload, "payload is null");
    }

    /** A header's value when it is a string ({@code :message-type}, {@code :event-type}...). */
    Optional<String> stringHeader(String name)
    {
        return headers.get(name) instanceof String value ? Optional.of(value) : Optional.empty();
    }

    @Override
    public String toString()
    {
        return "EventStreamMessage[headers=" + headers.keySet() + ", payloadBytes=" + payload.length + "]";
    }
}
