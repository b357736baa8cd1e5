package io.junction.plugins.providers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.junction.spi.ConfigView;
import io.junction.spi.provider.DeploymentSpec;
import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderRequest;
import io.junction.spi.provider.UpstreamTimeouts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds requests and deployments as the kernel hands them to an adapter. */
public final class TestRequests
{
    private static final JsonFactory JSON = new JsonFactory();

    private TestRequests() {}

    /** A request whose model span and stream flag are read from the body, as the kernel does. */
    public static ProviderRequest request(Endpoint endpoint, String json, int estimatedPromptTokens)
    {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        int start = -1;
        int end = -1;
        String modelGroup = "";
        boolean stream = false;
        try (JsonParser parser = JSON.createParser(body)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("model") && value == JsonToken.VALUE_STRING) {
                    start = (int) parser.currentTokenLocation().getByteOffset();
                    modelGroup = parser.getText();
                    end = (int) parser.currentLocation().getByteOffset();
                }
                else if (name.equals("stream")) {
                    stream = value == JsonToken.VALUE_TRUE;
                }
                else {
                    parser.skipChildren();
                }
            }
        }
        catch (IOException e) {
            // a malformed body, for tests of invalid input: keep what was found before the fault
        }
        return new ProviderRequest("call-1", endpoint, modelGroup, stream, body, start, end, estimatedPromptTokens);
    }

    public static ProviderRequest chat(String json)
    {
        return request(Endpoint.CHAT_COMPLETIONS, json, 12);
    }

    public static DeploymentSpec deployment(String provider, String model, Map<String, ?> params)
    {
        return deployment(provider, model, params, UpstreamTimeouts.DEFAULT);
    }

    public static DeploymentSpec deployment(String provider, String model, Map<String, ?> params, UpstreamTimeouts timeouts)
    {
        return new DeploymentSpec("deployment-1", "my-group", provider, model,
                new ConfigView("model_list[0].litellm_params", params), timeouts);
    }
}
