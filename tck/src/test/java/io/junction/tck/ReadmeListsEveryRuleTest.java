package io.junction.tck;

import io.junction.tck.cache.ResponseCacheContract;
import io.junction.tck.callback.CallbackContract;
import io.junction.tck.kit.RuleIds;
import io.junction.tck.provider.ProviderAdapterContract;
import io.junction.tck.routing.RoutingStrategyContract;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The README's rule tables and the kits' rule methods list the same rules, so neither can drift from the other. */
class ReadmeListsEveryRuleTest
{
    private static final Pattern RULE_ROW = Pattern.compile("^\\| ([A-Z]+[0-9]+) \\|", Pattern.MULTILINE);

    @Test
    void everyRuleOfEveryKitHasARowAndEveryRowARule()
            throws IOException
    {
        Set<String> inKits = new TreeSet<>(RuleIds::compare);
        Stream.of(ProviderAdapterContract.class, RoutingStrategyContract.class, ResponseCacheContract.class, CallbackContract.class)
                .flatMap(kit -> Arrays.stream(kit.getDeclaredMethods()))
                .map(Method::getName)
                .map(RuleIds::of)
                .flatMap(Optional::stream)
                .forEach(inKits::add);
        Set<String> inReadme = new TreeSet<>(RuleIds::compare);
        Matcher rows = RULE_ROW.matcher(Files.readString(Path.of("README.md")));
        while (rows.find()) {
            inReadme.add(rows.group(1));
        }

        assertEquals(inKits, inReadme, "tck/README.md must list each rule of the kits, once, in a table row");
        assertEquals(20 + 12 + 12 + 10, inKits.size());
    }
}
