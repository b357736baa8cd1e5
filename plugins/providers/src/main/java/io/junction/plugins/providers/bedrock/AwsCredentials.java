package io.junction.plugins.providers.bedrock;

import io.junction.spi.Secret;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Static AWS credentials, as LiteLLM takes them ({@code aws_access_key_id}, {@code aws_secret_access_key},
 * {@code aws_session_token}). Every part is a {@link Secret}, so printing the record shows none of them.
 *
 * @param sessionToken present for temporary credentials (STS), sent as {@code x-amz-security-token}
 */
record AwsCredentials(Secret accessKeyId, Secret secretAccessKey, Optional<Secret> sessionToken)
{
    AwsCredentials
    {
        Objects.requireNonNull(accessKeyId, "accessKeyId is null");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey is null");
        Objects.requireNonNull(sessionToken, "sessionToken is null");
        if (accessKeyId.isEmpty() || secretAccessKey.isEmpty()) {
            throw new IllegalArgumentException("the access key id and the secret access key must not be empty");
        }
        sessionToken = sessionToken.filter(token -> !token.isEmpty());
    }

    /** Every value to redact from text that reaches a client. */
    List<Secret> secrets()
    {
        return Stream.concat(Stream.of(accessKeyId, secretAccessKey), sessionToken.stream()).toList();
    }
}
