package io.junction.tck.routing;

import io.junction.tck.SelfTests;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/** The routing kit tests itself: each rule fails, with its number, on a strategy that breaks it and nothing else. */
class RoutingContractSelfTest
{
    @TestFactory
    Stream<DynamicTest> eachRuleFailsOnTheStrategyThatBreaksIt()
    {
        return Stream.of(
                broken(RoutingKits.NameNotWellFormed.class, "R1"),
                broken(RoutingKits.EmptyListThrows.class, "R2"),
                broken(RoutingKits.RebuildsTheCandidate.class, "R3"),
                broken(RoutingKits.OwnRandomness.class, "R4"),
                broken(RoutingKits.UnguardedSharedState.class, "R5"),
                broken(RoutingKits.UnknownOutcomeThrows.class, "R6"),
                broken(RoutingKits.SortsTheListInPlace.class, "R7"),
                broken(RoutingKits.IgnoresRpm.class, "R8"),
                broken(RoutingKits.IgnoresTpm.class, "R9"),
                broken(RoutingKits.TiesGoToTheFirst.class, "R10"),
                broken(RoutingKits.IgnoresOutcomes.class, "R11"),
                broken(RoutingKits.AcceptsAZeroCooldown.class, "R12"));
    }

    @RepeatedTest(3)
    void theHammerCatchesUnguardedSharedStateEveryTime()
    {
        // a race shows only when threads interleave: the kit must not let one slip through by luck
        SelfTests.assertBreaksOnly(RoutingKits.UnguardedSharedState.class, "R5");
    }

    @Test
    void theCorrectStrategyPassesEveryRuleItClaims()
    {
        SelfTests.assertPasses(RoutingKits.Reference.class, Set.of());
    }

    @Test
    void rulesOfCapabilitiesNotClaimedAreAbortedNotPassed()
    {
        SelfTests.assertPasses(RoutingKits.ClaimsNothing.class, Set.of("R8", "R9", "R10", "R11", "R12"));
    }

    private static DynamicTest broken(Class<?> kit, String rule)
    {
        return dynamicTest(rule + " fails on " + kit.getSimpleName(), () -> SelfTests.assertBreaksOnly(kit, rule));
    }
}
