package io.junction.distribution;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recomputes an AWS Signature Version 4 from what a fake AWS endpoint actually received (method, path as sent, the
 * signed headers' values, the body), as AWS does, written here from AWS's documentation: a signature over anything
 * other than the bytes that went over the wire (a path the HTTP client re-encoded, a header it rewrote) does not
 * match. Only what Bedrock needs: no query string, the path's segments encoded once more (every service but S3).
 */
final class SigV4Verifier
{
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})");

    private SigV4Verifier() {}

    /** Fails unless {@code request} carries a valid signature for {@code accessKey}/{@code secretKey} in the region. */
    static void assertSigned(LoggedRequest request, String accessKey, String secretKey, String region, String service)
    {
        String authorization = request.getHeader("Authorization");
        Matcher parts = authorization == null ? null : AUTHORIZATION.matcher(authorization);
        if (parts == null || !parts.matches()) {
            throw new AssertionError("not a SigV4 Authorization header: " + authorization);
        }
        String date = parts.group(2);
        String amzDate = request.getHeader("X-Amz-Date");
        List<String> expectedScope = List.of(accessKey, region, service);
        List<String> actualScope = List.of(parts.group(1), parts.group(3), parts.group(4));
        if (!expectedScope.equals(actualScope) || amzDate == null || !amzDate.startsWith(date)) {
            throw new AssertionError("wrong credential scope or date: " + authorization + " with x-amz-date " + amzDate);
        }
        String signedHeaders = parts.group(5);
        String canonicalHeaders = Arrays.stream(signedHeaders.split(";"))
                .map(name -> name + ":" + request.getHeader(name).trim().replaceAll(" +", " ") + "\n")
                .collect(Collectors.joining());
        String canonicalRequest = String.join("\n", request.getMethod().getName(), canonicalUri(request.getUrl()), "",
                canonicalHeaders, signedHeaders, hex(sha256(request.getBody())));
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = String.join("\n", "AWS4-HMAC-SHA256", amzDate, scope, hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8))));
        byte[] key = ("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8);
        for (String step : List.of(date, region, service, "aws4_request")) {
            key = hmac(key, step);
        }
        String expected = hex(hmac(key, stringToSign));
        if (!expected.equals(parts.group(6))) {
            throw new AssertionError("the signature does not sign what was received; canonical request:\n" + canonicalRequest);
        }
    }

    /** The path as received, each segment URI-encoded once more ({@code %3A} becomes {@code %253A}). */
    private static String canonicalUri(String url)
    {
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        return Arrays.stream(path.split("/", -1)).map(SigV4Verifier::uriEncode).collect(Collectors.joining("/"));
    }

    private static String uriEncode(String segment)
    {
        StringBuilder encoded = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0;
            encoded.append(unreserved ? String.valueOf(c) : "%" + HexFormat.of().toHexDigits(b).toUpperCase(Locale.ROOT));
        }
        return encoded.toString();
    }

    private static byte[] sha256(byte[] bytes)
    {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        }
        catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] hmac(byte[] key, String data)
    {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static String hex(byte[] bytes)
    {
        return HexFormat.of().formatHex(bytes);
    }
}
