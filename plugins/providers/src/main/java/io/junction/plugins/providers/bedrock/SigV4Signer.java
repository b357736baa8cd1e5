package io.junction.plugins.providers.bedrock;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 in the {@code Authorization} header, for one service and region: the canonical request,
 * the string to sign, the derived signing key and the signature, as AWS's "Create a signed AWS API request" guide
 * lays them out.
 * <p>
 * The canonical URI follows the rule for every service but S3: each segment of the path <em>as sent</em> is
 * URI-encoded once more, so a model id whose {@code :} travels as {@code %3A} signs as {@code %253A}. Paths are not
 * normalised ({@code .} and {@code ..} segments are signed as they are); the adapter never sends such paths.
 */
final class SigV4Signer
{
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String DATE_HEADER = "x-amz-date";
    static final String SECURITY_TOKEN_HEADER = "x-amz-security-token";

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();
    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

    private final AwsCredentials credentials;
    private final String region;
    private final String service;

    SigV4Signer(AwsCredentials credentials, String region, String service)
    {
        this.credentials = Objects.requireNonNull(credentials, "credentials is null");
        this.region = Objects.requireNonNull(region, "region is null");
        this.service = Objects.requireNonNull(service, "service is null");
    }

    /**
     * Signs one request.
     *
     * @param headers headers to sign besides {@code host}, {@code x-amz-date} and {@code x-amz-security-token}, which
     *        are always signed; the caller sends them as given
     * @return the headers to add to the request, with what the signature was computed from
     */
    SignedRequest sign(String method, URI uri, Map<String, String> headers, byte[] body, Instant now)
    {
        String amzDate = AMZ_DATE.format(now);
        String date = amzDate.substring(0, 8);
        SortedMap<String, String> signedHeaders = new TreeMap<>();
        headers.forEach((name, value) -> signedHeaders.put(name.toLowerCase(Locale.ROOT), value));
        signedHeaders.put("host", host(uri));
        signedHeaders.put(DATE_HEADER, amzDate);
        credentials.sessionToken().ifPresent(token -> signedHeaders.put(SECURITY_TOKEN_HEADER, token.reveal()));

        String canonicalRequest = canonicalRequest(method, canonicalUri(uri.getRawPath()), canonicalQuery(uri.getRawQuery()),
                signedHeaders, sha256Hex(body));
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = stringToSign(amzDate, scope, canonicalRequest);
        String signature = HEX.formatHex(hmac(signingKey(credentials.secretAccessKey().reveal(), date, region, service), stringToSign));

        Map<String, String> toSend = new LinkedHashMap<>();
        toSend.put(DATE_HEADER, amzDate);
        credentials.sessionToken().ifPresent(token -> toSend.put(SECURITY_TOKEN_HEADER, token.reveal()));
        toSend.put("authorization", ALGORITHM + " Credential=" + credentials.accessKeyId().reveal() + "/" + scope
                + ", SignedHeaders=" + String.join(";", signedHeaders.keySet()) + ", Signature=" + signature);
        return new SignedRequest(canonicalRequest, stringToSign, signature, toSend);
    }

    /**
     * The canonical request: method, canonical URI, canonical query, the signed headers (lower-case names, sorted,
     * values trimmed with inner runs of spaces collapsed), the signed header names, and the payload's SHA-256.
     */
    static String canonicalRequest(String method, String canonicalUri, String canonicalQuery, SortedMap<String, String> headers,
            String payloadHash)
    {
        StringBuilder request = new StringBuilder(256).append(method).append('\n')
                .append(canonicalUri).append('\n')
                .append(canonicalQuery).append('\n');
        headers.forEach((name, value) -> request.append(name).append(':').append(canonicalHeaderValue(value)).append('\n'));
        return request.append('\n').append(String.join(";", headers.keySet())).append('\n').append(payloadHash).toString();
    }

    static String stringToSign(String amzDate, String scope, String canonicalRequest)
    {
        return ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
    static byte[] signingKey(String secretAccessKey, String date, String region, String service)
    {
        byte[] dateKey = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), date);
        byte[] regionKey = hmac(dateKey, region);
        byte[] serviceKey = hmac(regionKey, service);
        return hmac(serviceKey, "aws4_request");
    }

    /** Each segment of the path as sent, URI-encoded again; an empty path is {@code /}. */
    static String canonicalUri(String pathAsSent)
    {
        if (pathAsSent == null || pathAsSent.isEmpty()) {
            return "/";
        }
        return uriEncode(pathAsSent, false);
    }

    /**
     * The query's parameters decoded, encoded the AWS way, sorted by name then value and joined with {@code &};
     * a parameter without {@code =} has an empty value.
     */
    static String canonicalQuery(String rawQuery)
    {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> parameters = new ArrayList<>();
        for (String parameter : rawQuery.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            String value = equals < 0 ? "" : parameter.substring(equals + 1);
            parameters.add(new String[] {uriEncode(percentDecode(name), true), uriEncode(percentDecode(value), true)});
        }
        parameters.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder query = new StringBuilder();
        for (String[] parameter : parameters) {
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append(parameter[0]).append('=').append(parameter[1]);
        }
        return query.toString();
    }

    /**
     * AWS's URI encoding: every UTF-8 byte but the unreserved characters ({@code A-Z a-z 0-9 - _ . ~}) as
     * {@code %XY} with upper-case hex; {@code /} too when {@code encodeSlash}.
     */
    static String uriEncode(String text, boolean encodeSlash)
    {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder encoded = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'
                    || c == '~' || (c == '/' && !encodeSlash)) {
                encoded.append(c);
            }
            else {
                encoded.append('%').append(UPPER_HEX[(b >> 4) & 0xF]).append(UPPER_HEX[b & 0xF]);
            }
        }
        return encoded.toString();
    }

    static String sha256Hex(byte[] bytes)
    {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The {@code Host} header the HTTP client sends for this URI: the port only when it is not the scheme's default. */
    static String host(URI uri)
    {
        int port = uri.getPort();
        boolean defaultPort = port < 0 || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443)
                || ("http".equalsIgnoreCase(uri.getScheme()) && port == 80);
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    private static String canonicalHeaderValue(String value)
    {
        return value.strip().replaceAll(" {2,}", " ");
    }

    private static String percentDecode(String text)
    {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream decoded = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                decoded.write(Integer.parseInt(text, i + 1, i + 3, 16));
                i += 2;
            }
            else {
                int codePoint = text.codePointAt(i);
                decoded.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint) - 1;
            }
        }
        return decoded.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c)
    {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static byte[] hmac(byte[] key, String data)
    {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256", e);
        }
    }

    /**
     * A signature and what it was computed from. The canonical request holds the session token, so
     * {@link #toString()} shows only the signature.
     *
     * @param headers to add to the request: {@code x-amz-date}, {@code x-amz-security-token} if any, {@code authorization}
     */
    record SignedRequest(String canonicalRequest, String stringToSign, String signature, Map<String, String> headers)
    {
        SignedRequest
        {
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }

        @Override
        public String toString()
        {
            return "SignedRequest[signature=" + signature + ", headers=" + headers.keySet() + "]";
        }
    }
}
