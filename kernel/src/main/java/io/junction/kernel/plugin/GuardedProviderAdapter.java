package io.junction.kernel.plugin;

import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ChunkStream;
import io.junction.spi.provider.ProviderAdapter;
import io.junction.spi.provider.ProviderException;
import io.junction.spi.provider.ProviderRequest;
import io.junction.spi.provider.ProviderResponse;
import io.junction.spi.provider.Usage;

/**
 * A provider adapter whose faults (anything but a {@link ProviderException}) become a counted, logged
 * {@code INTERNAL} error naming the plugin, so a broken plugin fails its requests cleanly and never takes the
 * request thread or the gateway with it.
 */
public final class GuardedProviderAdapter
        implements ProviderAdapter
{
    private final String pluginId;
    private final ProviderAdapter delegate;
    private final PluginFaults faults;

    public GuardedProviderAdapter(String pluginId, ProviderAdapter delegate, PluginFaults faults)
    {
        this.pluginId = pluginId;
        this.delegate = delegate;
        this.faults = faults;
    }

    @Override
    public ProviderResponse send(ProviderRequest request)
    {
        ProviderResponse response;
        try {
            response = delegate.send(request);
        }
        catch (ProviderException e) {
            throw e;
        }
        catch (RuntimeException | LinkageError e) {
            throw fault("send", e);
        }
        if (response == null) {
            throw fault("send", new NullPointerException("the adapter returned no response"));
        }
        if (response instanceof ProviderResponse.Streaming streaming) {
            return new ProviderResponse.Streaming(new GuardedChunkStream(streaming.chunks()), streaming.headers());
        }
        return response;
    }

    @Override
    public void close()
    {
        try {
            delegate.close();
        }
        catch (RuntimeException | LinkageError e) {
            faults.record(pluginId, "close", e);
        }
    }

    private ProviderException fault(String operation, Throwable error)
    {
        faults.record(pluginId, "provider adapter " + operation, error);
        return new ProviderException(ErrorKind.INTERNAL, "The provider plugin '" + pluginId + "' failed (" + error.getClass().getSimpleName() + "); see the gateway log.");
    }

    private final class GuardedChunkStream
            implements ChunkStream
    {
        private final ChunkStream delegate;

        GuardedChunkStream(ChunkStream delegate)
        {
            this.delegate = delegate;
        }

        @Override
        public byte[] next()
        {
            try {
                return delegate.next();
            }
            catch (ProviderException e) {
                throw e;
            }
            catch (RuntimeException | LinkageError e) {
                throw fault("stream", e);
            }
        }

        @Override
        public Usage usage()
        {
            try {
                Usage usage = delegate.usage();
                return usage == null ? Usage.UNKNOWN : usage;
            }
            catch (RuntimeException | LinkageError e) {
                faults.record(pluginId, "stream usage", e);
                return Usage.UNKNOWN;
            }
        }

        @Override
        public void close()
        {
            try {
                delegate.close();
            }
            catch (RuntimeException | LinkageError e) {
                faults.record(pluginId, "stream close", e);
            }
        }
    }
}
