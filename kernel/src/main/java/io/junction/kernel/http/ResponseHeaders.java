package io.junction.kernel.http;

import org.eclipse.jetty.http.HttpFields;

import java.util.Locale;
import java.util.Map;

/**
 * The gateway's response headers, under Junction's names and under LiteLLM's, which existing dashboards and load
 * test scripts read.
 */
final class ResponseHeaders
{
    static final String CALL_ID = "x-junction-call-id";
    static final String DEPLOYMENT_ID = "x-junction-deployment-id";
    static final String OVERHEAD_MS = "x-junction-overhead-ms";
    static final String ATTEMPTS = "x-junction-attempts";
    static final String CACHE_HIT = "x-junction-cache-hit";

    static final String LITELLM_CALL_ID = "x-litellm-call-id";
    static final String LITELLM_MODEL_ID = "x-litellm-model-id";
    static final String LITELLM_OVERHEAD_MS = "x-litellm-overhead-duration-ms";
    static final String LITELLM_MODEL_GROUP = "x-litellm-model-group";
    static final String LITELLM_ATTEMPTED_RETRIES = "x-litellm-attempted-retries";
    static final String LITELLM_ATTEMPTED_FALLBACKS = "x-litellm-attempted-fallbacks";
    static final String LITELLM_CACHE_KEY = "x-litellm-cache-key";

    /** LiteLLM passes provider headers (rate-limit figures) on under this prefix. */
    private static final String PROVIDER_HEADER_PREFIX = "llm_provider-";

    private ResponseHeaders() {}

    static void callId(HttpFields.Mutable headers, String callId)
    {
        headers.put(CALL_ID, callId);
        headers.put(LITELLM_CALL_ID, callId);
    }

    static void served(HttpFields.Mutable headers, CallRecord call, long overheadNanos)
    {
        if (call.deploymentId != null) {
            headers.put(DEPLOYMENT_ID, call.deploymentId);
            headers.put(LITELLM_MODEL_ID, call.deploymentId);
        }
        String overhead = milliseconds(overheadNanos);
        headers.put(OVERHEAD_MS, overhead);
        headers.put(LITELLM_OVERHEAD_MS, overhead);
        routing(headers, call);
    }

    /** What the router tried: on answers and on errors alike. */
    static void routing(HttpFields.Mutable headers, CallRecord call)
    {
        headers.put(LITELLM_MODEL_GROUP, call.modelGroup);
        headers.put(ATTEMPTS, Integer.toString(call.attempts()));
        headers.put(LITELLM_ATTEMPTED_RETRIES, Integer.toString(call.retries()));
        headers.put(LITELLM_ATTEMPTED_FALLBACKS, Integer.toString(call.fallbacks()));
    }

    static void provider(HttpFields.Mutable headers, Map<String, String> providerHeaders)
    {
        providerHeaders.forEach((name, value) -> headers.put(PROVIDER_HEADER_PREFIX + name.toLowerCase(Locale.ROOT), value));
    }

    static String milliseconds(long nanos)
    {
        // three decimals (overhead is measured in microseconds), padded by hand: String.format parses its pattern per call
        long micros = nanos / 1_000;
        long fraction = micros % 1_000;
        return (micros / 1_000) + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }
}
