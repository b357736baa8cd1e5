package io.junction.plugins.providers.common;

import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ProviderException;

import java.util.Optional;

/**
 * The image of an OpenAI {@code image_url} content part: inline ({@code data:image/png;base64,...}) or a URL. Providers
 * differ in which they take, so each adapter decides; parsing lives here once.
 *
 * @param mediaType {@code image/png}..., known for inline images, empty for URLs
 * @param base64Data the image bytes in base64, for inline images
 * @param url the address, for linked images
 */
public record ImageSource(Optional<String> mediaType, Optional<String> base64Data, Optional<String> url)
{
    private static final String DATA_PREFIX = "data:";
    private static final String BASE64_MARKER = ";base64,";

    public static ImageSource parse(String url)
    {
        if (url == null || url.isBlank()) {
            throw new ProviderException(ErrorKind.INVALID_REQUEST, "an image_url content part has no url");
        }
        if (!url.startsWith(DATA_PREFIX)) {
            return new ImageSource(Optional.empty(), Optional.empty(), Optional.of(url));
        }
        int marker = url.indexOf(BASE64_MARKER);
        if (marker < 0) {
            throw new ProviderException(ErrorKind.INVALID_REQUEST, "an inline image_url must be base64: data:<media type>;base64,<data>");
        }
        String mediaType = url.substring(DATA_PREFIX.length(), marker);
        return new ImageSource(Optional.of(mediaType), Optional.of(url.substring(marker + BASE64_MARKER.length())), Optional.empty());
    }

    public boolean inline()
    {
        return base64Data.isPresent();
    }
}
