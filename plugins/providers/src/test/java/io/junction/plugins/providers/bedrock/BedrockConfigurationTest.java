package io.junction.plugins.providers.bedrock;

import io.junction.plugins.providers.TestRequests;
import io.junction.spi.ConfigException;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.provider.ProviderContext;
import io.junction.spi.provider.UpstreamClient;
import io.junction.spi.provider.UpstreamRequest;
import io.junction.spi.provider.UpstreamResponse;
import io.junction.spi.provider.UpstreamStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the bedrock adapter sends requests, with which credentials, and the configuration it refuses. */
class BedrockConfigurationTest
{
    private static final String MODEL = "anthropic.claude-3-5-sonnet-20240620-v1:0";
    private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final Map<String, String> KEYS = Map.of("aws_access_key_id", ACCESS_KEY, "aws_secret_access_key", SECRET_KEY);
    private static final String CHAT = "{\"model\":\"g\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @Test
    void sendsToTheRegionsRuntimeEndpointWithTheModelIdAsOnePathSegment()
    {
        RecordingUpstream upstream = new RecordingUpstream();

        create(MODEL, with(KEYS, "aws_region_name", "us-west-2"), Map.of(), upstream).send(TestRequests.chat(CHAT));

        assertEquals(URI.create("https://bedrock-runtime.us-west-2.amazonaws.com/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse"),
                upstream.only().uri());
        assertTrue(upstream.only().headers().get("authorization").getFirst()
                .startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/20261121/us-west-2/bedrock/aws4_request, SignedHeaders=host;x-amz-date, "));
    }

    @Test
    void stripsLiteLlmsConverseRouteAndEncodesAnArn()
    {
        RecordingUpstream upstream = new RecordingUpstream();
        String arn = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-sonnet-20241022-v2:0";

        create("converse/" + arn, with(KEYS, "aws_region_name", "us-east-1"), Map.of(), upstream).send(TestRequests.chat(CHAT));

        assertEquals("/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Ainference-profile%2Fus.anthropic.claude-3-5-sonnet-20241022-v2%3A0"
                + "/converse", upstream.only().uri().getRawPath());
    }

    @Test
    void readsCredentialsAndRegionFromTheEnvironmentAsLiteLlmDoes()
    {
        RecordingUpstream upstream = new RecordingUpstream();
        Map<String, String> environment = Map.of("AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY,
                "AWS_SESSION_TOKEN", "env-session-token", "AWS_REGION", "eu-central-1", "AWS_DEFAULT_REGION", "ap-south-1");

        create(MODEL, Map.of(), environment, upstream).send(TestRequests.chat(CHAT));

        UpstreamRequest sent = upstream.only();
        assertEquals("bedrock-runtime.eu-central-1.amazonaws.com", sent.uri().getHost());
        assertEquals(List.of("env-session-token"), sent.headers().get("x-amz-security-token"));
        assertTrue(sent.headers().get("authorization").getFirst().contains("SignedHeaders=host;x-amz-date;x-amz-security-token,"));
    }

    @Test
    void configuredKeysNeverBorrowTheEnvironmentsSessionToken()
    {
        RecordingUpstream upstream = new RecordingUpstream();

        create(MODEL, with(KEYS, "aws_region_name", "us-east-1"), Map.of("AWS_SESSION_TOKEN", "someone-elses-token"), upstream)
                .send(TestRequests.chat(CHAT));

        assertFalse(upstream.only().headers().containsKey("x-amz-security-token"));
    }

    @Test
    void fallsBackToAwsDefaultRegion()
    {
        RecordingUpstream upstream = new RecordingUpstream();

        create(MODEL, KEYS, Map.of("AWS_DEFAULT_REGION", "ap-south-1"), upstream).send(TestRequests.chat(CHAT));

        assertEquals("bedrock-runtime.ap-south-1.amazonaws.com", upstream.only().uri().getHost());
    }

    @Test
    void aBedrockApiKeyIsSentAsABearerTokenInsteadOfASignature()
    {
        RecordingUpstream upstream = new RecordingUpstream();

        create(MODEL, Map.of("aws_region_name", "us-east-1"), Map.of("AWS_BEARER_TOKEN_BEDROCK", "bedrock-api-key-EXAMPLE"), upstream)
                .send(TestRequests.chat(CHAT));

        assertEquals(List.of("Bearer bedrock-api-key-EXAMPLE"), upstream.only().headers().get("authorization"));
        assertFalse(upstream.only().headers().containsKey("x-amz-date"));
    }

    @Test
    void apiBaseComesBeforeTheRuntimeEndpointSetting()
    {
        RecordingUpstream upstream = new RecordingUpstream();
        Map<String, Object> params = with(KEYS, "aws_region_name", "us-east-1");
        params.put("aws_bedrock_runtime_endpoint", "https://vpce-1.bedrock-runtime.us-east-1.vpce.amazonaws.com");

        create(MODEL, params, Map.of(), upstream).send(TestRequests.chat(CHAT));
        params.put("api_base", "http://localhost:9999/");
        create(MODEL, params, Map.of(), upstream).send(TestRequests.chat(CHAT));

        assertEquals("vpce-1.bedrock-runtime.us-east-1.vpce.amazonaws.com", upstream.requests.get(0).uri().getHost());
        assertEquals(URI.create("http://localhost:9999/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse"), upstream.requests.get(1).uri());
    }

    @Test
    void requiresARegion()
    {
        ConfigException failure = assertThrows(ConfigException.class, () -> create(MODEL, KEYS, Map.of(), new RecordingUpstream()));

        assertEquals("model_list[0].litellm_params.aws_region_name", failure.key());
        assertTrue(failure.getMessage().contains("AWS_REGION"), failure.getMessage());
    }

    @Test
    void requiresAnAccessKeyAndNamesTheEnvironmentFallback()
    {
        ConfigException failure = assertThrows(ConfigException.class,
                () -> create(MODEL, Map.of("aws_region_name", "us-east-1"), Map.of(), new RecordingUpstream()));

        assertEquals("model_list[0].litellm_params.aws_access_key_id", failure.key());
        assertTrue(failure.getMessage().contains("AWS_ACCESS_KEY_ID"), failure.getMessage());
    }

    @Test
    void requiresTheSecretKeyWithTheAccessKeyAndNeverShowsTheOther()
    {
        ConfigException failure = assertThrows(ConfigException.class, () -> create(MODEL,
                Map.of("aws_region_name", "us-east-1", "aws_access_key_id", ACCESS_KEY), Map.of(), new RecordingUpstream()));

        assertEquals("model_list[0].litellm_params.aws_secret_access_key", failure.key());
        assertFalse(failure.getMessage().contains(ACCESS_KEY), failure.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws_role_name", "aws_profile_name", "aws_web_identity_token"})
    void refusesCredentialSourcesItCannotUseRatherThanIgnoringThem(String key)
    {
        Map<String, Object> params = with(KEYS, "aws_region_name", "us-east-1");
        params.put(key, "value-of-" + key);

        ConfigException failure = assertThrows(ConfigException.class, () -> create(MODEL, params, Map.of(), new RecordingUpstream()));

        assertEquals("model_list[0].litellm_params." + key, failure.key());
        assertFalse(failure.getMessage().contains("value-of-"), failure.getMessage());
    }

    @Test
    void refusesLiteLlmsInvokeRoute()
    {
        ConfigException failure = assertThrows(ConfigException.class,
                () -> create("invoke/" + MODEL, with(KEYS, "aws_region_name", "us-east-1"), Map.of(), new RecordingUpstream()));

        assertTrue(failure.getMessage().contains("Fix: use bedrock/" + MODEL), failure.getMessage());
    }

    @Test
    void refusesARegionThatIsNotOne()
    {
        ConfigException failure = assertThrows(ConfigException.class,
                () -> create(MODEL, with(KEYS, "aws_region_name", "us-east-1/../x"), Map.of(), new RecordingUpstream()));

        assertEquals("model_list[0].litellm_params.aws_region_name", failure.key());
    }

    @Test
    void refusesAnEndpointThatIsNotAnHttpUrl()
    {
        Map<String, Object> params = with(KEYS, "aws_region_name", "us-east-1");
        params.put("aws_bedrock_runtime_endpoint", "bedrock-runtime.us-east-1.amazonaws.com");

        ConfigException failure = assertThrows(ConfigException.class, () -> create(MODEL, params, Map.of(), new RecordingUpstream()));

        assertEquals("model_list[0].litellm_params.aws_bedrock_runtime_endpoint", failure.key());
    }

    @Test
    void declaresWhatItServesAndWhatToMask()
    {
        BedrockAdapterFactory factory = new BedrockAdapterFactory();

        assertEquals("bedrock", factory.name());
        assertEquals(Set.of("bedrock"), factory.modelPrefixes());
        assertEquals(Set.of(Endpoint.CHAT_COMPLETIONS, Endpoint.EMBEDDINGS), factory.endpoints());
        assertTrue(factory.streams());
        assertTrue(factory.secretKeys().containsAll(Set.of("aws_access_key_id", "aws_secret_access_key", "aws_session_token", "api_key")),
                factory.secretKeys().toString());
    }

    @Test
    void neverShowsCredentialsInToString()
    {
        Map<String, Object> params = with(KEYS, "aws_region_name", "us-east-1");
        params.put("aws_session_token", "session-token-EXAMPLE");

        String described = create(MODEL, params, Map.of(), new RecordingUpstream()).toString();

        for (String secret : List.of(ACCESS_KEY, SECRET_KEY, "session-token-EXAMPLE")) {
            assertFalse(described.contains(secret), described);
        }
        assertTrue(described.contains(MODEL), described);
    }

    private static ProviderAdapter create(String model, Map<String, ?> params, Map<String, String> environment, UpstreamClient upstream)
    {
        return new BedrockAdapterFactory(environment::get).create(TestRequests.deployment("bedrock", model, params),
                new ProviderContext(upstream, InstantSource.fixed(Instant.parse("2026-11-21T10:00:00Z")), false));
    }

    private static Map<String, Object> with(Map<String, String> base, String key, String value)
    {
        Map<String, Object> params = new HashMap<>(base);
        params.put(key, value);
        return params;
    }

    /** Stands in for AWS, which a test cannot reach. */
    private static final class RecordingUpstream
            implements UpstreamClient
    {
        private final List<UpstreamRequest> requests = new ArrayList<>();

        @Override
        public UpstreamResponse send(UpstreamRequest request)
        {
            requests.add(request);
            return new UpstreamResponse(200, Map.of(), """
                    {"output":{"message":{"role":"assistant","content":[{"text":"hi"}]}},"stopReason":"end_turn",\
                    "usage":{"inputTokens":1,"outputTokens":1,"totalTokens":2},"metrics":{"latencyMs":10}}""".getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public UpstreamStream open(UpstreamRequest request)
        {
            throw new UnsupportedOperationException("not used here");
        }

        UpstreamRequest only()
        {
            assertEquals(1, requests.size());
            return requests.getFirst();
        }
    }
}
