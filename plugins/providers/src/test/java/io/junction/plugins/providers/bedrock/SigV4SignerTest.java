package io.junction.plugins.providers.bedrock;

import io.junction.spi.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Known answers: the AWS Signature Version 4 test suite (as AWS publishes it, e.g. in awslabs/aws-c-auth's
 * aws-signing-test-suite: credentials AKIDEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY, 2015-08-30T12:36:00Z,
 * us-east-1, service "service"), AWS's documented IAM ListUsers example, and Bedrock-shaped requests whose expected
 * values were derived with botocore 1.43's SigV4Auth (the reference implementation LiteLLM signs with).
 */
class SigV4SignerTest
{
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final Instant SUITE_TIME = Instant.parse("2015-08-30T12:36:00Z");
    private static final String EMPTY_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String SUITE_SCOPE = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, ";
    private static final byte[] BEDROCK_BODY = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hello\"}]}]}"
            .getBytes(StandardCharsets.UTF_8);
    private static final Instant BEDROCK_TIME = Instant.parse("2024-06-20T12:00:00Z");

    // --- the AWS test suite

    @Test
    void getVanilla()
    {
        SigV4Signer.SignedRequest signed = suiteSigner(Optional.empty()).sign("GET", URI.create("https://example.amazonaws.com/"), Map.of(),
                new byte[0], SUITE_TIME);

        assertEquals("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n" + EMPTY_HASH,
                signed.canonicalRequest());
        assertEquals("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
                + "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63", signed.stringToSign());
        assertEquals(SUITE_SCOPE + "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
                signed.headers().get("authorization"));
        assertEquals(Map.of("x-amz-date", "20150830T123600Z", "authorization", signed.headers().get("authorization")), signed.headers());
    }

    @Test
    void postVanilla()
    {
        SigV4Signer.SignedRequest signed = suiteSigner(Optional.empty()).sign("POST", URI.create("https://example.amazonaws.com/"), Map.of(),
                new byte[0], SUITE_TIME);

        assertEquals("POST\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n" + EMPTY_HASH,
                signed.canonicalRequest());
        assertEquals("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
                + "553f88c9e4d10fc9e109e2aeb65f030801b70c2f6468faca261d401ae622fc87", signed.stringToSign());
        assertEquals("5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b", signed.signature());
    }

    @Test
    void postXWwwFormUrlencoded()
    {
        SigV4Signer.SignedRequest signed = suiteSigner(Optional.empty()).sign("POST", URI.create("https://example.amazonaws.com/"),
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "Param1=value1".getBytes(StandardCharsets.UTF_8), SUITE_TIME);

        assertEquals("POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n"
                + "content-type;host;x-amz-date\n9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e", signed.canonicalRequest());
        assertEquals("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
                + "42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281", signed.stringToSign());
        assertEquals(SUITE_SCOPE + "SignedHeaders=content-type;host;x-amz-date, "
                + "Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a", signed.headers().get("authorization"));
    }

    @Test
    void getVanillaWithSessionToken()
    {
        String token = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267";

        SigV4Signer.SignedRequest signed = suiteSigner(Optional.of(token)).sign("GET", URI.create("https://example.amazonaws.com/"), Map.of(),
                new byte[0], SUITE_TIME);

        assertEquals("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\nx-amz-security-token:" + token + "\n\n"
                + "host;x-amz-date;x-amz-security-token\n" + EMPTY_HASH, signed.canonicalRequest());
        assertEquals("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
                + "067b36aa60031588cea4a4cde1f21215227a047690c72247f1d70b32fbbfad2b", signed.stringToSign());
        assertEquals(SUITE_SCOPE + "SignedHeaders=host;x-amz-date;x-amz-security-token, "
                + "Signature=07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8", signed.headers().get("authorization"));
        assertEquals(token, signed.headers().get("x-amz-security-token"));
    }

    @Test
    void getUnreservedCharactersStayAsTheyAre()
    {
        String path = "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

        SigV4Signer.SignedRequest signed = suiteSigner(Optional.empty()).sign("GET", URI.create("https://example.amazonaws.com" + path),
                Map.of(), new byte[0], SUITE_TIME);

        assertEquals("GET\n" + path + "\n", signed.canonicalRequest().substring(0, path.length() + 5));
        assertEquals("07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f", signed.signature());
    }

    @Test
    void getVanillaQueryOrderKeyCaseSortsTheParameters()
    {
        SigV4Signer.SignedRequest signed = suiteSigner(Optional.empty()).sign("GET",
                URI.create("https://example.amazonaws.com/?Param2=value2&Param1=value1"), Map.of(), new byte[0], SUITE_TIME);

        assertEquals("GET\n/\nParam1=value1&Param2=value2\n", signed.canonicalRequest().substring(0, 34));
        assertEquals("b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500", signed.signature());
    }

    // --- AWS's documented example (IAM ListUsers)

    @Test
    void theDocumentedIamExample()
    {
        SigV4Signer signer = new SigV4Signer(credentials(Optional.empty()), "us-east-1", "iam");

        SigV4Signer.SignedRequest signed = signer.sign("GET", URI.create("https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08"),
                Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), new byte[0], SUITE_TIME);

        assertEquals("GET\n/\nAction=ListUsers&Version=2010-05-08\ncontent-type:application/x-www-form-urlencoded; charset=utf-8\n"
                + "host:iam.amazonaws.com\nx-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n" + EMPTY_HASH, signed.canonicalRequest());
        assertEquals("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\n"
                + "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59", signed.stringToSign());
        assertEquals("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9",
                HexFormat.of().formatHex(SigV4Signer.signingKey(SECRET, "20150830", "us-east-1", "iam")));
        assertEquals("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, "
                + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7", signed.headers().get("authorization"));
    }

    // --- Bedrock-shaped requests, expected values from botocore's SigV4Auth

    @Test
    void bedrockConverseDoubleEncodesTheModelIdInTheCanonicalUri()
    {
        SigV4Signer.SignedRequest signed = bedrockSigner(Optional.empty()).sign("POST",
                URI.create("https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse"),
                Map.of(), BEDROCK_BODY, BEDROCK_TIME);

        assertEquals("POST\n/model/anthropic.claude-3-5-sonnet-20240620-v1%253A0/converse\n\nhost:bedrock-runtime.us-east-1.amazonaws.com\n"
                + "x-amz-date:20240620T120000Z\n\nhost;x-amz-date\n7421da8d1a0949a481724fee62d5886aacde03836bf58248adb73e8b61ac0d54",
                signed.canonicalRequest());
        assertEquals("AWS4-HMAC-SHA256\n20240620T120000Z\n20240620/us-east-1/bedrock/aws4_request\n"
                + "6cce1bc8eea3c66dae26c0dd351e934bbbd126156b2e17f05f5c9328839ff70d", signed.stringToSign());
        assertEquals("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240620/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date, "
                + "Signature=bc21d6f2a06e3d53e58cc84cda453bca0cca3e10258c9883ec1839adbaee9cb9", signed.headers().get("authorization"));
    }

    @Test
    void bedrockConverseWithASessionToken()
    {
        SigV4Signer.SignedRequest signed = bedrockSigner(Optional.of("session-token-EXAMPLE")).sign("POST",
                URI.create("https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse"),
                Map.of(), BEDROCK_BODY, BEDROCK_TIME);

        assertEquals("AWS4-HMAC-SHA256\n20240620T120000Z\n20240620/us-east-1/bedrock/aws4_request\n"
                + "7a70e562a85a4324bc72b01b959af097a3858b78139a91ba9f2f900f18827dbd", signed.stringToSign());
        assertEquals(Map.of("x-amz-date", "20240620T120000Z", "x-amz-security-token", "session-token-EXAMPLE",
                "authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240620/us-east-1/bedrock/aws4_request, "
                        + "SignedHeaders=host;x-amz-date;x-amz-security-token, "
                        + "Signature=7a75e3fb6e4c00ebd428b614877ebbc583f5684c08f269d01c4b254e5a3cc70e"), signed.headers());
    }

    @Test
    void aNonDefaultPortIsPartOfTheSignedHost()
    {
        SigV4Signer.SignedRequest signed = bedrockSigner(Optional.empty()).sign("POST",
                URI.create("http://localhost:8089/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse-stream"),
                Map.of(), BEDROCK_BODY, BEDROCK_TIME);

        assertEquals("POST\n/model/anthropic.claude-3-5-sonnet-20240620-v1%253A0/converse-stream\n\nhost:localhost:8089\n"
                + "x-amz-date:20240620T120000Z\n\nhost;x-amz-date\n7421da8d1a0949a481724fee62d5886aacde03836bf58248adb73e8b61ac0d54",
                signed.canonicalRequest());
        assertEquals("de67aabd07f853837d0f96d3f0b3f150423849814f698be803075116903a440e", signed.signature());
    }

    // --- the pieces

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse | /model/anthropic.claude-3-5-sonnet-20240620-v1%253A0/converse",
            "/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Ainference-profile%2Fus.anthropic.claude-3-5-sonnet-20241022-v2%3A0/converse"
                    + " | /model/arn%253Aaws%253Abedrock%253Aus-east-1%253A123456789012%253Ainference-profile%252Fus.anthropic.claude-3-5-sonnet-20241022-v2%253A0/converse",
            "/ሴ | /%E1%88%B4",
            "'/example space/' | /example%20space/",
            "'' | /",
    })
    void encodesEachPathSegmentAsSentOnceMore(String pathAsSent, String canonical)
    {
        assertEquals(canonical, SigV4Signer.canonicalUri(pathAsSent));
    }

    @Test
    void encodesQueryValuesTheAwsWay()
    {
        assertEquals("a=1&b=x%20y&b=z&c=%2F%2A~", SigV4Signer.canonicalQuery("c=/*~&b=z&b=x%20y&a=1"));
        assertEquals("", SigV4Signer.canonicalQuery(null));
        assertEquals("Param1=", SigV4Signer.canonicalQuery("Param1"));
    }

    @Test
    void neverShowsTheSessionTokenInToString()
    {
        SigV4Signer.SignedRequest signed = bedrockSigner(Optional.of("session-token-EXAMPLE")).sign("POST",
                URI.create("https://bedrock-runtime.us-east-1.amazonaws.com/model/m/converse"), Map.of(), BEDROCK_BODY, BEDROCK_TIME);

        assertFalse(signed.toString().contains("session-token-EXAMPLE"), signed.toString());
        assertFalse(credentials(Optional.of("session-token-EXAMPLE")).toString().contains(SECRET));
    }

    private static SigV4Signer suiteSigner(Optional<String> token)
    {
        return new SigV4Signer(credentials(token), "us-east-1", "service");
    }

    private static SigV4Signer bedrockSigner(Optional<String> token)
    {
        return new SigV4Signer(credentials(token), "us-east-1", "bedrock");
    }

    private static AwsCredentials credentials(Optional<String> token)
    {
        return new AwsCredentials(new Secret("AKIDEXAMPLE"), new Secret(SECRET), token.map(Secret::new));
    }
}
