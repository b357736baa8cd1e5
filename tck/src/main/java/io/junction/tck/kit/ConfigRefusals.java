package io.junction.tck.kit;

import io.junction.spi.ConfigException;
import io.junction.spi.ConfigView;
import org.junit.jupiter.api.Assumptions;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.fail;

/** The rule every kit shares: a factory refuses each declared invalid setting with a ConfigException naming it. */
public final class ConfigRefusals
{
    private ConfigRefusals() {}

    /**
     * @param sectionPath where the settings sit in the configuration ({@code router_settings})
     * @param create creates the extension from a section, closing whatever it created
     */
    public static void assertEachRefused(String rule, String sectionPath, Map<String, ?> validSettings, List<InvalidSetting> invalidSettings,
            Consumer<ConfigView> create)
    {
        Assumptions.assumeFalse(invalidSettings.isEmpty(), () -> rule + " not checked: no invalid settings are declared. The plugin's test "
                + "declares them by overriding invalidSettings() (a negative size, a string where a number belongs); the validator cannot know them.");
        for (InvalidSetting invalid : invalidSettings) {
            String expectedKey = sectionPath + "." + invalid.key();
            ConfigView section = new ConfigView(sectionPath, invalid.appliedTo(validSettings));
            try {
                create.accept(section);
            }
            catch (ConfigException e) {
                if (!namesKey(e.key(), expectedKey)) {
                    fail(rule + ": " + expectedKey + " = " + invalid.value() + " was refused, but the ConfigException names '" + e.key()
                            + "' instead of " + expectedKey + " (build it with ConfigView.keyPath(key), or let a ConfigView accessor throw it)");
                }
                continue;
            }
            catch (RuntimeException e) {
                fail(rule + ": " + expectedKey + " = " + invalid.value() + " must be refused with a ConfigException naming the key, but the factory threw "
                        + e.getClass().getName() + ": " + e.getMessage(), e);
            }
            fail(rule + ": " + expectedKey + " = " + invalid.value() + " must be refused with a ConfigException naming the key, but the factory accepted it");
        }
    }

    private static boolean namesKey(String actual, String expected)
    {
        return actual != null && (actual.equals(expected) || actual.startsWith(expected + ".") || actual.startsWith(expected + "["));
    }
}
