package io.junction.distribution;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A configuration mistake is the user's to fix: one clear message and exit code 2, never a stack trace. */
class BadConfigIT
{
    @Test
    void exitsWithCode2AndNamesTheKeyOfABadValue()
            throws IOException
    {
        Path work = Distribution.newWorkDirectory("bad-config");
        Path config = Files.writeString(work.resolve("config.yaml"), """
                model_list:
                  - model_name: quick
                    litellm_params:
                      model: mock/quick
                      rpm: fast
                """);

        try (JunctionProcess gateway = JunctionProcess.builder(Distribution.home())
                .config(config)
                .logFile(work.resolve("junction.log"))
                .startWithoutWaiting()) {
            int exitCode = gateway.awaitExit(Duration.ofSeconds(90));

            String output = gateway.log();
            assertAll(
                    () -> assertEquals(2, exitCode, output),
                    () -> assertTrue(output.contains("model_list[0].litellm_params.rpm"), "the message must name the key:\n" + output),
                    () -> assertFalse(output.contains("\tat "), "a bad config must not print a stack trace:\n" + output));
        }
    }
}
