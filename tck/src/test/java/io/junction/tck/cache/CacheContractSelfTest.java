package io.junction.tck.cache;

import io.junction.tck.SelfTests;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/** The cache kit tests itself: each rule fails, with its number, on a cache that breaks it and nothing else. */
class CacheContractSelfTest
{
    @TestFactory
    Stream<DynamicTest> eachRuleFailsOnTheCacheThatBreaksIt()
    {
        return Stream.of(
                broken(CacheKits.KindDiffersFromTheFactory.class, "C1"),
                broken(CacheKits.HitLosesUsage.class, "C2"),
                broken(CacheKits.MatchesThePromptText.class, "C3"),
                broken(CacheKits.IgnoresTheModelGroup.class, "C4"),
                broken(CacheKits.EmptyCacheLookupThrows.class, "C5"),
                broken(CacheKits.IgnoresTtl.class, "C6"),
                broken(CacheKits.KeepsTheCallersArray.class, "C7"),
                broken(CacheKits.SharedScratchBuffer.class, "C8"),
                broken(CacheKits.SemanticMatchesKeysOnly.class, "C9"),
                broken(CacheKits.KeepsTheFirstStore.class, "C10"),
                broken(CacheKits.SecondCloseThrows.class, "C11"),
                broken(CacheKits.AcceptsZeroEntries.class, "C12"));
    }

    @RepeatedTest(3)
    void theHammerCatchesASharedBufferEveryTime()
    {
        SelfTests.assertBreaksOnly(CacheKits.SharedScratchBuffer.class, "C8");
    }

    @Test
    void correctExactAndSemanticCachesPassEveryRule()
    {
        SelfTests.assertPasses(CacheKits.Exact.class, Set.of());
        SelfTests.assertPasses(CacheKits.Semantic.class, Set.of());
    }

    private static DynamicTest broken(Class<?> kit, String rule)
    {
        return dynamicTest(rule + " fails on " + kit.getSimpleName(), () -> SelfTests.assertBreaksOnly(kit, rule));
    }
}
