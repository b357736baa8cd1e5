package io.junction.plugins.providers.bedrock;

import io.junction.spi.Secret;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** How a request to Bedrock proves who sends it: a SigV4 signature, or a Bedrock API key sent as a bearer token. */
sealed interface BedrockAuth
        permits BedrockAuth.Signed, BedrockAuth.ApiKey
{
    /** AWS's signing name for the Bedrock runtime (botocore's, for {@code bedrock-runtime}). */
    String SIGNING_SERVICE = "bedrock";

    /** The headers that authenticate this request. */
    Map<String, String> headers(String method, URI uri, byte[] body, Instant now);

    /** Every secret value involved, to redact from anything a client sees. */
    List<Secret> secrets();

    /** Static AWS credentials: every request is signed with Signature Version 4 at the kernel clock's time. */
    final class Signed
            implements BedrockAuth
    {
        private final AwsCredentials credentials;
        private final SigV4Signer signer;

        Signed(AwsCredentials credentials, String region)
        {
            this.credentials = Objects.requireNonNull(credentials, "credentials is null");
            this.signer = new SigV4Signer(credentials, region, SIGNING_SERVICE);
        }

        @Override
        public Map<String, String> headers(String method, URI uri, byte[] body, Instant now)
        {
            // only host and the x-amz-* headers are signed: the HTTP client may rewrite content-type's spelling
            return signer.sign(method, uri, Map.of(), body, now).headers();
        }

        @Override
        public List<Secret> secrets()
        {
            return credentials.secrets();
        }

        @Override
        public String toString()
        {
            return "SigV4";
        }
    }

    /** A Bedrock API key ({@code api_key}, or {@code AWS_BEARER_TOKEN_BEDROCK}), as LiteLLM sends it. */
    record ApiKey(Secret key)
            implements BedrockAuth
    {
        public ApiKey
        {
            Objects.requireNonNull(key, "key is null");
        }

        @Override
        public Map<String, String> headers(String method, URI uri, byte[] body, Instant now)
        {
            return Map.of("authorization", "Bearer " + key.reveal());
        }

        @Override
        public List<Secret> secrets()
        {
            return List.of(key);
        }
    }
}
