package io.junction.kernel.router;

import io.junction.spi.ErrorKind;

import java.util.Optional;

/**
 * What an attempt says about its deployment's health. Only failures that point at the deployment count against it
 * (LiteLLM's rule): rate limits, timeouts, server errors, unavailability, and a rejected key or unknown model (the
 * deployment is misconfigured). A request the caller got wrong, a prompt too long, a content refusal or a fault of
 * the gateway's own plugins say nothing about it.
 */
public enum AttemptHealth
{
    SUCCESS,
    FAILURE,
    NEUTRAL;

    public static AttemptHealth of(Optional<ErrorKind> error)
    {
        if (error.isEmpty()) {
            return SUCCESS;
        }
        return switch (error.get()) {
            case RATE_LIMITED, TIMEOUT, UPSTREAM_SERVER, UNAVAILABLE, AUTHENTICATION, NOT_FOUND -> FAILURE;
            case INVALID_REQUEST, CONTEXT_WINDOW_EXCEEDED, CONTENT_POLICY, PERMISSION_DENIED, REQUEST_TOO_LARGE, INTERNAL -> NEUTRAL;
        };
    }

    /** The shared store's one-letter code for this outcome. */
    public String code()
    {
        return switch (this) {
            case SUCCESS -> "s";
            case FAILURE -> "f";
            case NEUTRAL -> "n";
        };
    }
}
