package io.junction.spi.callback;

import io.junction.spi.ConfigView;
import io.junction.spi.ExtensionFactory;

/** Creates a callback named in {@code litellm_settings.callbacks} (or {@code success_callback}). */
public interface CallbackFactory
        extends ExtensionFactory
{
    /**
     * @param settings {@code litellm_settings}, where callback-specific keys live
     */
    Callback create(ConfigView settings, CallbackContext context);
}
