package io.junction.plugins.routing.cost;

/**
 * What one token costs on a deployment, in USD.
 *
 * @param input price of a prompt token
 * @param output price of a completion token
 */
public record TokenPrice(double input, double output)
{
    public TokenPrice
    {
        if (!isPrice(input) || !isPrice(output)) {
            throw new IllegalArgumentException("prices must be finite and not negative but were " + input + " and " + output);
        }
    }

    /** Whether a figure can be a price: finite and not negative. */
    public static boolean isPrice(double value)
    {
        return value >= 0 && value < Double.POSITIVE_INFINITY;
    }

    /** The cost of a call of this shape. */
    public double cost(double promptTokens, double completionTokens)
    {
        return input * promptTokens + output * completionTokens;
    }
}
