package io.junction.plugins.providers.gemini;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.plugins.providers.common.Json;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** A Google service account whose RSA key is made for the test, and its JSON key file. */
final class TestServiceAccount
{
    static final String CLIENT_EMAIL = "junction-test@my-project-123.iam.gserviceaccount.com";
    static final String KEY_ID = "3f1c0de5a9b8e7d6c5b4a3928170f6e5d4c3b2a1";

    private final KeyPair keys;
    private final String privateKeyPem;

    private TestServiceAccount(KeyPair keys)
    {
        this.keys = keys;
        this.privateKeyPem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    static TestServiceAccount generate()
    {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new TestServiceAccount(generator.generateKeyPair());
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("no RSA key generator", e);
        }
    }

    KeyPair keys()
    {
        return keys;
    }

    String privateKeyPem()
    {
        return privateKeyPem;
    }

    /** The key file as the Google Cloud console downloads it, its tokens fetched at {@code tokenUri}. */
    String json(String tokenUri)
    {
        ObjectNode key = Json.object();
        key.put("type", "service_account");
        key.put("project_id", "from-key-file");
        key.put("private_key_id", KEY_ID);
        key.put("private_key", privateKeyPem);
        key.put("client_email", CLIENT_EMAIL);
        key.put("client_id", "112233445566778899000");
        key.put("auth_uri", "https://accounts.google.com/o/oauth2/auth");
        key.put("token_uri", tokenUri);
        return new String(Json.bytes(key), StandardCharsets.UTF_8);
    }
}
