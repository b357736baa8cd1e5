package io.junction.kernel.http;

import io.junction.kernel.Sha256;
import io.junction.spi.ErrorKind;
import io.junction.spi.Secret;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

import java.security.MessageDigest;
import java.util.Optional;

/**
 * Checks {@code Authorization: Bearer <master_key>} (or LiteLLM's {@code x-litellm-api-key} header). Keys are compared
 * as SHA-256 digests with a constant-time comparison, so neither the key's content nor its length leaks through
 * timing. Without a master key every caller is let through.
 */
public final class MasterKeyAuth
{
    /** How a caller authenticated with the master key appears in logs: never the key itself. */
    public static final String MASTER_KEY_CALLER = "master_key";

    private final byte[] masterKeyDigest;

    public MasterKeyAuth(Optional<Secret> masterKey)
    {
        this.masterKeyDigest = masterKey.map(key -> Sha256.digest(key.reveal())).orElse(null);
    }

    public boolean enabled()
    {
        return masterKeyDigest != null;
    }

    /**
     * @return the caller's identity for logs, empty when auth is off
     * @throws GatewayError with status 401 when a key is required and missing or wrong
     */
    public Optional<String> authenticate(Request request)
    {
        if (masterKeyDigest == null) {
            return Optional.empty();
        }
        String presented = presentedKey(request);
        if (presented == null) {
            throw new GatewayError(ErrorKind.AUTHENTICATION,
                    "Authentication error: no API key provided. Send 'Authorization: Bearer <key>'.", null, "invalid_api_key");
        }
        if (!MessageDigest.isEqual(masterKeyDigest, Sha256.digest(presented))) {
            throw new GatewayError(ErrorKind.AUTHENTICATION, "Authentication error: invalid API key.", null, "invalid_api_key");
        }
        return Optional.of(MASTER_KEY_CALLER);
    }

    private static String presentedKey(Request request)
    {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization != null) {
            if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return authorization.substring(7).trim();
            }
            return authorization.trim();
        }
        return request.getHeaders().get("x-litellm-api-key");
    }
}
