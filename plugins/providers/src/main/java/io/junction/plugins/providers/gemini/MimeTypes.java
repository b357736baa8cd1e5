package io.junction.plugins.providers.gemini;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The media type of a linked file, guessed from its extension: Gemini's {@code file_data} needs one, and an OpenAI
 * {@code image_url} does not carry it.
 */
final class MimeTypes
{
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("heic", "image/heic"),
            Map.entry("heif", "image/heif"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("txt", "text/plain"),
            Map.entry("csv", "text/csv"),
            Map.entry("html", "text/html"),
            Map.entry("md", "text/md"),
            Map.entry("json", "application/json"),
            Map.entry("mp3", "audio/mp3"),
            Map.entry("wav", "audio/wav"),
            Map.entry("flac", "audio/flac"),
            Map.entry("aac", "audio/aac"),
            Map.entry("ogg", "audio/ogg"),
            Map.entry("m4a", "audio/m4a"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("mpeg", "video/mpeg"),
            Map.entry("mov", "video/mov"),
            Map.entry("avi", "video/avi"),
            Map.entry("webm", "video/webm"),
            Map.entry("wmv", "video/wmv"),
            Map.entry("flv", "video/x-flv"));

    private MimeTypes() {}

    /** The type for the extension of the URL's path (query and fragment ignored), if it is a known one. */
    static Optional<String> fromUrl(String url)
    {
        String path = url;
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot < 0 || dot < slash) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_EXTENSION.get(path.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    private static int indexOfAny(String text, char first, char second)
    {
        int a = text.indexOf(first);
        int b = text.indexOf(second);
        if (a < 0) {
            return b;
        }
        return b < 0 ? a : Math.min(a, b);
    }
}
