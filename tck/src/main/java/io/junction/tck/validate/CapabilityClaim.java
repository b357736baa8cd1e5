package io.junction.tck.validate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A capability the user claims on the command line for the extensions of the plugin: {@code FAIR} for every
 * extension whose kit knows it, {@code prefer-cheapest-healthy:FAIR} for one extension.
 */
public record CapabilityClaim(Optional<String> extensionName, String capability)
{
    public CapabilityClaim
    {
        Objects.requireNonNull(extensionName, "extensionName is null");
        Objects.requireNonNull(capability, "capability is null");
    }

    /** @throws IllegalArgumentException naming the capabilities that exist, when no kit knows this one */
    public static CapabilityClaim parse(String text)
    {
        int colon = text.lastIndexOf(':');
        Optional<String> extension = colon > 0 ? Optional.of(text.substring(0, colon).trim()) : Optional.empty();
        String capability = text.substring(colon + 1).trim().toUpperCase(Locale.ROOT).replace('-', '_');
        boolean known = Arrays.stream(ExtensionKind.values()).anyMatch(kind -> kind.knows(capability));
        if (!known) {
            throw new IllegalArgumentException("unknown capability '" + text + "'; the kits know " + Arrays.stream(ExtensionKind.values())
                    .map(kind -> kind.label() + ": " + kind.capabilities()).toList());
        }
        return new CapabilityClaim(extension, capability);
    }

    public boolean appliesTo(Extension extension)
    {
        return extension.kind().knows(capability) && extensionName.map(extension.name()::equals).orElse(true);
    }
}
