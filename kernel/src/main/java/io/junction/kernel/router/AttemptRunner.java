package io.junction.kernel.router;

import io.junction.spi.provider.ProviderException;

/** Sends one attempt to a deployment the router chose, and answers the client when it succeeds. */
@FunctionalInterface
public interface AttemptRunner
{
    /**
     * @param group the model group being tried (the requested one, or a fallback)
     * @throws ProviderException when the attempt failed before anything reached the client; the router may retry
     *         or fall back
     */
    void run(ModelGroup group, Reservation reservation);
}
