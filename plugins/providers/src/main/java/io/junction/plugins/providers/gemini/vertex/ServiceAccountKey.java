package io.junction.plugins.providers.gemini.vertex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.plugins.providers.common.Json;
import io.junction.spi.ConfigException;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ProviderException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A Google service account's key, as the JSON file the Cloud console downloads holds it. Only what signing a token
 * request needs is kept; the private key never appears in {@link #toString()} or in an error.
 *
 * @param clientEmail the account ({@code iss} of the assertion)
 * @param privateKeyId the key's id ({@code kid} of the assertion's header)
 * @param privateKey the RSA key that signs the assertion
 * @param tokenUri where the assertion is exchanged for an access token
 * @param projectId the account's project, a default for {@code vertex_project}
 */
public record ServiceAccountKey(String clientEmail, String privateKeyId, PrivateKey privateKey, URI tokenUri, Optional<String> projectId)
{
    static final String DEFAULT_TOKEN_URI = "https://oauth2.googleapis.com/token";
    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";

    public ServiceAccountKey
    {
        Objects.requireNonNull(clientEmail, "clientEmail is null");
        Objects.requireNonNull(privateKeyId, "privateKeyId is null");
        Objects.requireNonNull(privateKey, "privateKey is null");
        Objects.requireNonNull(tokenUri, "tokenUri is null");
        Objects.requireNonNull(projectId, "projectId is null");
    }

    /**
     * @param json the key file's text
     * @param keyPath the configuration key it came from, for errors ({@code model_list[0].litellm_params.vertex_credentials})
     * @throws ConfigException naming what is missing or malformed, never echoing the key
     */
    public static ServiceAccountKey parse(String json, String keyPath)
    {
        ObjectNode root;
        try {
            root = Json.parseObject(json.getBytes(StandardCharsets.UTF_8), "the credentials", ErrorKind.INVALID_REQUEST);
        }
        catch (ProviderException e) {
            throw new ConfigException(keyPath, "is not a service-account JSON key (the text is not a JSON object). "
                    + "Fix: point it at the key file downloaded from the Google Cloud console, or paste that file's JSON.");
        }
        String type = root.path("type").asText("");
        if (!type.equals("service_account")) {
            throw new ConfigException(keyPath, "holds credentials of type '" + type + "', but only service-account keys "
                    + "(\"type\": \"service_account\") are supported. Fix: create a key for a service account with the "
                    + "Vertex AI User role and use its JSON file.");
        }
        String clientEmail = required(root, "client_email", keyPath);
        String privateKeyId = root.path("private_key_id").asText("");
        PrivateKey privateKey = privateKey(required(root, "private_key", keyPath), keyPath);
        URI tokenUri = tokenUri(root.path("token_uri").asText(DEFAULT_TOKEN_URI), keyPath);
        Optional<String> projectId = Optional.of(root.path("project_id").asText("")).filter(id -> !id.isBlank());
        return new ServiceAccountKey(clientEmail, privateKeyId, privateKey, tokenUri, projectId);
    }

    private static String required(JsonNode root, String field, String keyPath)
    {
        String value = root.path(field).asText("");
        if (value.isBlank()) {
            throw new ConfigException(keyPath, "is a service-account key without '" + field + "'. Fix: use the complete "
                    + "JSON key file downloaded from the Google Cloud console.");
        }
        return value;
    }

    private static PrivateKey privateKey(String pem, String keyPath)
    {
        int begin = pem.indexOf(PEM_BEGIN);
        int end = pem.indexOf(PEM_END);
        if (begin < 0 || end < begin) {
            throw new ConfigException(keyPath, "has a 'private_key' that is not a PKCS#8 PEM key (-----BEGIN PRIVATE KEY-----). "
                    + "Fix: use the JSON key file as the Google Cloud console downloads it.");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + PEM_BEGIN.length(), end));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        }
        catch (IllegalArgumentException | GeneralSecurityException e) {
            // the cause's message could quote key material: leave it out
            throw new ConfigException(keyPath, "has a 'private_key' that is not a readable RSA key. "
                    + "Fix: use the JSON key file as the Google Cloud console downloads it.");
        }
    }

    private static URI tokenUri(String value, String keyPath)
    {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return uri;
            }
        }
        catch (URISyntaxException e) {
            // reported below
        }
        throw new ConfigException(keyPath, "has a 'token_uri' that is not an http(s) URL: '" + value + "'. "
                + "Fix: remove it (the default is " + DEFAULT_TOKEN_URI + ") or correct it.");
    }

    @Override
    public String toString()
    {
        return "ServiceAccountKey[" + clientEmail + ", tokenUri=" + tokenUri + "]";
    }
}
