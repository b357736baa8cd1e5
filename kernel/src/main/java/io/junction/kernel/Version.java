package io.junction.kernel;

/** The gateway's version, from the kernel jar's manifest ({@code dev} when run from classes). */
public final class Version
{
    private Version() {}

    public static String current()
    {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "0.1.0-SNAPSHOT" : version;
    }
}
