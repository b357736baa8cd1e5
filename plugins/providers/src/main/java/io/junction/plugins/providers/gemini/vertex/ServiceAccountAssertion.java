package io.junction.plugins.providers.gemini.vertex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.plugins.providers.common.Json;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The signed JWT a service account trades for an access token (RFC 7523, as Google's OAuth 2.0 for server-to-server
 * applications describes it): RS256, the key's id in the header, the account as issuer, the token endpoint as
 * audience, one hour of validity.
 */
public final class ServiceAccountAssertion
{
    public static final String CLOUD_PLATFORM_SCOPE = "https://www.googleapis.com/auth/cloud-platform";
    static final Duration LIFETIME = Duration.ofHours(1);
    private static final Base64.Encoder BASE64_URL = Base64.getUrlEncoder().withoutPadding();

    private ServiceAccountAssertion() {}

    /** The compact JWS: {@code header.claims.signature}, each base64url without padding. */
    public static String sign(ServiceAccountKey key, Instant now)
    {
        ObjectNode header = Json.object();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", key.privateKeyId());

        long issuedAt = now.getEpochSecond();
        ObjectNode claims = Json.object();
        claims.put("iss", key.clientEmail());
        claims.put("scope", CLOUD_PLATFORM_SCOPE);
        claims.put("aud", key.tokenUri().toString());
        claims.put("iat", issuedAt);
        claims.put("exp", issuedAt + LIFETIME.toSeconds());

        String signingInput = BASE64_URL.encodeToString(Json.bytes(header)) + "." + BASE64_URL.encodeToString(Json.bytes(claims));
        return signingInput + "." + BASE64_URL.encodeToString(signature(key, signingInput));
    }

    private static byte[] signature(ServiceAccountKey key, String signingInput)
    {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key.privateKey());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return rsa.sign();
        }
        catch (GeneralSecurityException e) {
            // the key was parsed as RSA when the deployment was created: this is a JDK fault, not the user's
            throw new IllegalStateException("signing the service-account assertion failed (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
