package io.junction.kernel.config;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which configuration keys hold secrets, at any depth: their values are masked in config dumps and never echoed
 * in error messages. Plugin factories add their own names ({@link io.junction.spi.ExtensionFactory#secretKeys()}).
 */
public final class SecretKeys
{
    /** Key names that are always secret, compared case-insensitively. */
    public static final Set<String> ALWAYS = Set.of(
            "api_key",
            "master_key",
            "database_url",
            // a redis URL carries its password (redis://:password@host)
            "redis_url",
            "aws_access_key_id",
            "aws_secret_access_key",
            "vertex_credentials",
            "azure_ad_token",
            "password",
            "token");

    private final Set<String> extraNames;

    private SecretKeys(Set<String> extraNames)
    {
        this.extraNames = extraNames.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public static SecretKeys defaults()
    {
        return new SecretKeys(Set.of());
    }

    /** The default rules plus {@code extraNames} (exact key names, e.g. those plugin factories declare). */
    public static SecretKeys with(Set<String> extraNames)
    {
        return new SecretKeys(Set.copyOf(extraNames));
    }

    public boolean isSecret(String key)
    {
        String name = key.toLowerCase(Locale.ROOT);
        return extraNames.contains(name) || isSecretByDefault(name);
    }

    private static boolean isSecretByDefault(String name)
    {
        return ALWAYS.contains(name)
                || name.endsWith("_api_key")
                || name.endsWith("_aws_access_key_id")
                || name.endsWith("_password")
                || name.contains("secret")
                // input_cost_per_token and friends are prices, not tokens
                || (name.endsWith("_token") && !name.endsWith("_per_token"));
    }
}
