package io.junction.spi.cache;

import io.junction.spi.ConfigView;
import io.junction.spi.ExtensionFactory;

/** Creates the cache named by {@code litellm_settings.cache_params.type} ({@code local}, {@code redis}...). */
public interface CacheFactory
        extends ExtensionFactory
{
    CacheKind kind();

    /**
     * @param params {@code litellm_settings.cache_params}
     */
    ResponseCache create(ConfigView params, CacheContext context);
}
