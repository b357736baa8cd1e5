package io.junction.plugins.providers.bedrock;

import io.junction.plugins.providers.common.HttpUrls;
import io.junction.spi.ConfigException;
import io.junction.spi.ConfigView;
import io.junction.spi.Secret;
import io.junction.spi.provider.DeploymentSpec;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The {@code litellm_params} of a Bedrock deployment, checked once when it is created, with LiteLLM's names and
 * environment fallbacks.
 *
 * @param modelId the Bedrock model id (or inference profile, or ARN), without LiteLLM's {@code converse/} route
 * @param region where the model runs, and the region of the signature's scope
 * @param runtimeBase the runtime endpoint without a trailing slash ({@code https://bedrock-runtime.us-east-1.amazonaws.com})
 */
record BedrockSettings(String modelId, String region, URI runtimeBase, BedrockAuth auth)
{
    /** LiteLLM's credential sources that sign with something other than static keys: refused rather than ignored. */
    static final List<String> UNSUPPORTED_CREDENTIAL_KEYS = List.of("aws_role_name", "aws_session_name", "aws_profile_name",
            "aws_web_identity_token", "aws_sts_endpoint", "aws_external_id");

    private static final String CONVERSE_ROUTE = "converse/";
    private static final String INVOKE_ROUTE = "invoke/";
    private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]*[a-z0-9]");

    BedrockSettings
    {
        Objects.requireNonNull(modelId, "modelId is null");
        Objects.requireNonNull(region, "region is null");
        Objects.requireNonNull(runtimeBase, "runtimeBase is null");
        Objects.requireNonNull(auth, "auth is null");
    }

    /**
     * @param environment the process environment ({@code System::getenv} outside tests)
     * @throws ConfigException naming the key, when the model, region, credentials or endpoint cannot work
     */
    static BedrockSettings from(DeploymentSpec deployment, Function<String, String> environment)
    {
        ConfigView params = deployment.params();
        for (String key : UNSUPPORTED_CREDENTIAL_KEYS) {
            if (params.has(key)) {
                throw new ConfigException(params.keyPath(key), "is not supported yet: Junction signs Bedrock requests with static keys "
                        + "only. Fix: set aws_access_key_id and aws_secret_access_key (and aws_session_token for temporary "
                        + "credentials), or api_key for a Bedrock API key.");
            }
        }
        String modelId = modelId(deployment);
        String region = region(params, environment);
        return new BedrockSettings(modelId, region, runtimeBase(params, environment, region), auth(params, environment, region));
    }

    /** {@code /model/{modelId}/{action}} under the runtime endpoint, the model id encoded as one path segment. */
    URI modelUri(String action)
    {
        return URI.create(runtimeBase + "/model/" + SigV4Signer.uriEncode(modelId, true) + "/" + action);
    }

    private static String modelId(DeploymentSpec deployment)
    {
        String model = deployment.model().strip();
        if (model.startsWith(INVOKE_ROUTE)) {
            throw new ConfigException(deployment.params().keyPath("model"), "'bedrock/" + model + "' asks for LiteLLM's "
                    + "InvokeModel route, which Junction does not serve. Fix: use bedrock/" + model.substring(INVOKE_ROUTE.length())
                    + " (the Converse API).");
        }
        if (model.startsWith(CONVERSE_ROUTE)) {
            model = model.substring(CONVERSE_ROUTE.length());
        }
        if (model.isEmpty()) {
            throw new ConfigException(deployment.params().keyPath("model"), "names no Bedrock model. "
                    + "Fix: write it as bedrock/<model id>, e.g. bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0.");
        }
        return model;
    }

    private static String region(ConfigView params, Function<String, String> environment)
    {
        String key = params.keyPath("aws_region_name");
        String region = params.string("aws_region_name").map(String::strip).filter(value -> !value.isEmpty())
                .or(() -> firstEnvironment(environment, "AWS_REGION_NAME", "AWS_REGION", "AWS_DEFAULT_REGION"))
                .orElseThrow(() -> new ConfigException(key, "is required for bedrock/ models but missing, and none of the "
                        + "environment variables AWS_REGION_NAME, AWS_REGION, AWS_DEFAULT_REGION is set. Fix: set " + key
                        + ", e.g. us-east-1."));
        if (!REGION.matcher(region).matches()) {
            throw new ConfigException(key, "must be an AWS region such as us-east-1 but was '" + region + "'.");
        }
        return region;
    }

    private static URI runtimeBase(ConfigView params, Function<String, String> environment, String region)
    {
        // LiteLLM's order: api_base, then aws_bedrock_runtime_endpoint, then its environment variable
        Optional<String> configured = nonBlank(params, "api_base").map(value -> "api_base")
                .or(() -> nonBlank(params, "aws_bedrock_runtime_endpoint").map(value -> "aws_bedrock_runtime_endpoint"));
        String key = configured.map(params::keyPath).orElse("AWS_BEDROCK_RUNTIME_ENDPOINT");
        String base = configured.flatMap(name -> nonBlank(params, name))
                .or(() -> firstEnvironment(environment, "AWS_BEDROCK_RUNTIME_ENDPOINT"))
                .orElse("https://bedrock-runtime." + region + ".amazonaws.com");
        return HttpUrls.checked(key, HttpUrls.withoutTrailingSlashes(base),
                " Fix: set " + key + " to an http(s) URL such as https://bedrock-runtime." + region + ".amazonaws.com.");
    }

    private static BedrockAuth auth(ConfigView params, Function<String, String> environment, String region)
    {
        Optional<Secret> apiKey = nonBlankSecret(params, "api_key");
        if (apiKey.isPresent()) {
            return new BedrockAuth.ApiKey(apiKey.get());
        }
        Optional<Secret> accessKeyId = nonBlankSecret(params, "aws_access_key_id");
        Optional<Secret> secretAccessKey = nonBlankSecret(params, "aws_secret_access_key");
        if (accessKeyId.isEmpty() && secretAccessKey.isEmpty()) {
            Optional<Secret> bearer = secretFromEnvironment(environment, "AWS_BEARER_TOKEN_BEDROCK");
            if (bearer.isPresent()) {
                return new BedrockAuth.ApiKey(bearer.get());
            }
            // keys from the environment take the environment's session token with them, never a configured one
            Secret keyId = secretFromEnvironment(environment, "AWS_ACCESS_KEY_ID").orElseThrow(() -> missing(params, "aws_access_key_id", "AWS_ACCESS_KEY_ID"));
            Secret secret = secretFromEnvironment(environment, "AWS_SECRET_ACCESS_KEY")
                    .orElseThrow(() -> missing(params, "aws_secret_access_key", "AWS_SECRET_ACCESS_KEY"));
            return new BedrockAuth.Signed(new AwsCredentials(keyId, secret, secretFromEnvironment(environment, "AWS_SESSION_TOKEN")),
                    region);
        }
        Secret keyId = accessKeyId.orElseThrow(() -> missing(params, "aws_access_key_id", null));
        Secret secret = secretAccessKey.orElseThrow(() -> missing(params, "aws_secret_access_key", null));
        return new BedrockAuth.Signed(new AwsCredentials(keyId, secret, nonBlankSecret(params, "aws_session_token")), region);
    }

    private static ConfigException missing(ConfigView params, String key, String environmentVariable)
    {
        String source = environmentVariable == null
                ? "is required with " + (key.equals("aws_access_key_id") ? "aws_secret_access_key" : "aws_access_key_id") + " but missing."
                : "is required for bedrock/ models but missing, and the environment variable " + environmentVariable + " is not set.";
        return new ConfigException(params.keyPath(key), source + " Fix: set " + params.keyPath(key)
                + " (e.g. os.environ/" + key.toUpperCase(Locale.ROOT) + "), or api_key for a Bedrock API key.");
    }

    private static Optional<String> nonBlank(ConfigView params, String key)
    {
        return params.string(key).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static Optional<Secret> nonBlankSecret(ConfigView params, String key)
    {
        return params.secret(key).filter(secret -> !secret.reveal().isBlank());
    }

    private static Optional<String> firstEnvironment(Function<String, String> environment, String... names)
    {
        for (String name : names) {
            String value = environment.apply(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.strip());
            }
        }
        return Optional.empty();
    }

    private static Optional<Secret> secretFromEnvironment(Function<String, String> environment, String name)
    {
        return firstEnvironment(environment, name).map(Secret::new);
    }

    @Override
    public String toString()
    {
        return "BedrockSettings[" + modelId + ", " + region + ", " + runtimeBase + ", " + auth + "]";
    }
}
