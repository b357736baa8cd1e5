package io.junction.spi.provider;

/** JSON string quoting, so the SPI can splice a value into a body without a JSON library. */
public final class JsonStrings
{
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonStrings() {}

    /** The JSON string literal for {@code value}, quotes included. */
    public static String quote(String value)
    {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
