package io.junction.plugins.providers.gemini.vertex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.plugins.providers.common.Json;
import io.junction.spi.ErrorKind;
import io.junction.spi.Secret;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.UpstreamClient;
import io.junction.spi.provider.UpstreamRequest;
import io.junction.spi.provider.UpstreamResponse;
import io.junction.spi.provider.UpstreamTimeouts;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The OAuth 2.0 access token of one service account, fetched with a signed assertion and kept until shortly before
 * it expires. Requests share it: when it is due, one caller refreshes while the others keep using the old token as
 * long as it is still valid (or wait for the new one when it is not), so a busy deployment makes one token request
 * an hour, never a burst.
 */
public final class ServiceAccountTokens
{
    /** Refresh this long before expiry, so a token never runs out in the middle of a long request. */
    public static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);
    private static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final int MAX_DESCRIPTION_CHARS = 300;

    private final String provider;
    private final ServiceAccountKey key;
    private final UpstreamClient upstream;
    private final UpstreamTimeouts timeouts;
    private final InstantSource clock;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile AccessToken current;

    /**
     * @param provider the model prefix ({@code vertex_ai}), to tell the client who failed
     */
    public ServiceAccountTokens(String provider, ServiceAccountKey key, UpstreamClient upstream, UpstreamTimeouts timeouts, InstantSource clock)
    {
        this.provider = Objects.requireNonNull(provider, "provider is null");
        this.key = Objects.requireNonNull(key, "key is null");
        this.upstream = Objects.requireNonNull(upstream, "upstream is null");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    /**
     * A valid access token, fetched first if there is none or it is due for refresh.
     *
     * @throws ProviderException AUTHENTICATION when Google refuses the assertion, UNAVAILABLE (or TIMEOUT) when the
     *         token endpoint cannot be reached or fails itself
     */
    public Secret accessToken()
    {
        AccessToken token = current;
        Instant now = clock.instant();
        if (token != null && token.fresh(now)) {
            return token.value();
        }
        if (token != null && token.valid(now) && !refreshing.tryLock()) {
            // another request is refreshing; this one can still use the old token
            return token.value();
        }
        if (!refreshing.isHeldByCurrentThread()) {
            refreshing.lock();
        }
        try {
            token = current;
            now = clock.instant();
            if (token != null && token.fresh(now)) {
                return token.value();
            }
            try {
                current = fetch(now);
            }
            catch (ProviderException e) {
                if (token != null && token.valid(now)) {
                    // the old token still works: serve with it, the next request tries again
                    return token.value();
                }
                throw e;
            }
            return current.value();
        }
        finally {
            refreshing.unlock();
        }
    }

    /** The access token fetched last, if any, whether or not it is still valid. */
    public Optional<Secret> lastFetched()
    {
        AccessToken token = current;
        return token == null ? Optional.empty() : Optional.of(token.value());
    }

    private AccessToken fetch(Instant now)
    {
        String form = "grant_type=" + URLEncoder.encode(GRANT_TYPE, StandardCharsets.UTF_8)
                + "&assertion=" + URLEncoder.encode(ServiceAccountAssertion.sign(key, now), StandardCharsets.UTF_8);
        UpstreamRequest request = new UpstreamRequest("POST", key.tokenUri(),
                Map.of("content-type", List.of("application/x-www-form-urlencoded")), form.getBytes(StandardCharsets.US_ASCII), timeouts);
        UpstreamResponse response = upstream.send(request);
        if (!response.successful()) {
            throw refused(response);
        }
        ObjectNode body;
        try {
            body = Json.parseObject(response.body(), "the token endpoint's answer", ErrorKind.UNAVAILABLE);
        }
        catch (ProviderException e) {
            throw failure(ErrorKind.UNAVAILABLE, "the token endpoint answered HTTP " + response.status() + " without a JSON body", response.status());
        }
        String accessToken = body.path("access_token").asText("");
        long expiresIn = body.path("expires_in").asLong(0);
        if (accessToken.isBlank() || expiresIn <= 0) {
            throw failure(ErrorKind.UNAVAILABLE, "the token endpoint's answer has no access_token or expires_in", response.status());
        }
        // measured from before the request was sent, so the token is never thought to live longer than it does
        return new AccessToken(new Secret(accessToken), now.plusSeconds(expiresIn));
    }

    private ProviderException refused(UpstreamResponse response)
    {
        int status = response.status();
        // Google answers a bad assertion or a disabled account with 400 invalid_grant, 401 or 403
        ErrorKind kind = status >= 400 && status < 500 && status != 429 ? ErrorKind.AUTHENTICATION : ErrorKind.UNAVAILABLE;
        String detail = "";
        try {
            JsonNode error = Json.MAPPER.readTree(response.body());
            if (error != null) {
                String code = error.path("error").isTextual() ? error.path("error").asText() : "";
                String description = error.path("error_description").asText("");
                detail = (code + (description.isEmpty() ? "" : ": " + description)).trim();
            }
        }
        catch (IOException e) {
            // no JSON: the status says enough
        }
        if (detail.length() > MAX_DESCRIPTION_CHARS) {
            detail = detail.substring(0, MAX_DESCRIPTION_CHARS) + "...";
        }
        return failure(kind, "the token endpoint answered HTTP " + status + (detail.isEmpty() ? "" : " (" + detail + ")"), status);
    }

    private ProviderException failure(ErrorKind kind, String reason, int status)
    {
        return new ProviderException(kind, provider + " could not get an access token for service account " + key.clientEmail()
                + ": " + reason, status, kind == ErrorKind.AUTHENTICATION ? "invalid_credentials" : null, null, null, Map.of(), null);
    }

    @Override
    public String toString()
    {
        return "ServiceAccountTokens[" + key.clientEmail() + "]";
    }

    /** A token and when it stops working. */
    private record AccessToken(Secret value, Instant expiresAt)
    {
        boolean fresh(Instant now)
        {
            return now.isBefore(expiresAt.minus(REFRESH_MARGIN));
        }

        boolean valid(Instant now)
        {
            return now.isBefore(expiresAt);
        }
    }
}
