package io.junction.kernel.plugin;

import io.junction.kernel.TestPluginJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A plugin's {@code Plugin-Requires} is checked against the gateway's release, and a mismatch is reported as such. */
class PluginVersionConstraintTest
{
    private static final String PLUGIN_CLASS = "io.junction.kernel.testplugin.ScriptedPlugin";
    private static final String PLUGIN_PACKAGE = "io/junction/kernel/testplugin";

    @Test
    void aSnapshotGatewayMeetsAConstraintOnItsRelease(@TempDir Path plugins)
            throws IOException
    {
        TestPluginJars.write(plugins, "needs-0-1", PLUGIN_CLASS, PLUGIN_PACKAGE, ">=0.1.0");

        try (PluginHost host = PluginHost.load(plugins, "0.1.0-SNAPSHOT")) {
            assertEquals(List.of("needs-0-1@1.0.0"), host.report().started());
            assertEquals(List.of(), host.report().failed());
        }
    }

    @Test
    void aPluginForANewerGatewayIsRefusedNamingBothVersions(@TempDir Path plugins)
            throws IOException
    {
        TestPluginJars.write(plugins, "needs-9", PLUGIN_CLASS, PLUGIN_PACKAGE, ">=9.0.0");

        try (PluginHost host = PluginHost.load(plugins, "0.1.0-SNAPSHOT")) {
            assertEquals(List.of(), host.report().started());
            String failure = String.join("\n", host.report().failed());
            assertTrue(failure.contains("needs-9") && failure.contains(">=9.0.0") && failure.contains("0.1.0"), failure);
        }
    }
}
