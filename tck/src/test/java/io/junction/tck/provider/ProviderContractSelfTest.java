package io.junction.tck.provider;

import io.junction.tck.KitResults;
import io.junction.tck.SelfTests;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.TestExecutionResult;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/** The provider kit tests itself: each rule fails, with its number, on an adapter that breaks it and nothing else. */
class ProviderContractSelfTest
{
    @TestFactory
    Stream<DynamicTest> eachRuleFailsOnTheAdapterThatBreaksIt()
    {
        return Stream.of(
                broken(BrokenProviders.ChatObjectIsWrong.class, "P1"),
                broken(BrokenProviders.StreamDropsAPiece.class, "P2"),
                broken(BrokenProviders.StreamUsageNeverKnown.class, "P3"),
                broken(BrokenProviders.TextCompletionAsChat.class, "P4"),
                broken(BrokenProviders.EmbeddingKeepsNativeShape.class, "P5"),
                broken(BrokenProviders.ToolCallsDropped.class, "P6"),
                broken(BrokenProviders.RetryAfterDropped.class, "P7"),
                broken(BrokenProviders.ServerErrorAsInternal.class, "P8"),
                broken(BrokenProviders.UnauthorizedAsPermissionDenied.class, "P9"),
                broken(BrokenProviders.UpstreamMessageNotRedacted.class, "P10"),
                broken(BrokenProviders.RetriesServerErrorsItself.class, "P11"),
                broken(BrokenProviders.UnavailableReadEndsStream.class, "P12"),
                broken(BrokenProviders.StreamWithoutDoneEndsCleanly.class, "P13"),
                broken(BrokenProviders.StreamTimeoutAsUnavailable.class, "P14"),
                broken(BrokenProviders.RefusedConnectionAsInternal.class, "P15"),
                broken(BrokenProviders.SendTimeoutAsUnavailable.class, "P16"),
                broken(BrokenProviders.KeyInToString.class, "P17"),
                broken(BrokenProviders.SecondCloseThrows.class, "P18"),
                broken(BrokenProviders.NameNotWellFormed.class, "P19"),
                broken(BrokenProviders.MissingApiBaseIsANullPointer.class, "P20"),
                broken(BrokenProviders.UnsupportedToolsIgnored.class, "P6"),
                broken(BrokenProviders.UndeclaredEmbeddingsServed.class, "P5"));
    }

    @Test
    void everyRuleHasABrokenAdapter()
    {
        Set<String> covered = eachRuleFailsOnTheAdapterThatBreaksIt().map(DynamicTest::getDisplayName).map(name -> name.split(" ")[0])
                .collect(Collectors.toSet());

        assertEquals(IntStream.rangeClosed(1, 20).mapToObj(n -> "P" + n).collect(Collectors.toSet()), covered);
    }

    @Test
    void withoutAScriptTheFormatRulesAreAbortedAsNeedingThePluginsOwnTest()
    {
        KitResults results = KitResults.run(BrokenProviders.WithoutScript.class);

        Map<String, String> aborted = results.with(TestExecutionResult.Status.ABORTED);
        assertEquals(IntStream.rangeClosed(1, 14).mapToObj(n -> "P" + n).collect(Collectors.toSet()), aborted.keySet(), results::toString);
        aborted.values().forEach(reason -> assertTrue(reason.contains(ProviderAdapterContract.NEEDS_OWN_TEST), reason));
        assertEquals(Map.of(), results.with(TestExecutionResult.Status.FAILED));
        assertEquals(Set.of("P15", "P16", "P17", "P18", "P19", "P20"), results.with(TestExecutionResult.Status.SUCCESSFUL).keySet());
    }

    private static DynamicTest broken(Class<?> kit, String rule)
    {
        return dynamicTest(rule + " fails on " + kit.getSimpleName(), () -> SelfTests.assertBreaksOnly(kit, rule));
    }
}
