package io.junction.tck.callback;

import io.junction.tck.KitResults;
import io.junction.tck.SelfTests;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.TestExecutionResult;

import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/** The callback kit tests itself: each rule fails, with its number, on a callback that breaks it and nothing else. */
class CallbackContractSelfTest
{
    @TestFactory
    Stream<DynamicTest> eachRuleFailsOnTheCallbackThatBreaksIt()
    {
        return Stream.of(
                broken(CallbackKits.NameNotWellFormed.class, "CB1"),
                broken(CallbackKits.EmptyBatchThrows.class, "CB2"),
                broken(CallbackKits.LargeBatchThrows.class, "CB3"),
                broken(CallbackKits.NeedsEveryField.class, "CB4"),
                broken(CallbackKits.RouteUnderV1.class, "CB5"),
                broken(CallbackKits.RouteRacesEvents.class, "CB6"),
                broken(CallbackKits.RouteShowsCallers.class, "CB7"),
                broken(CallbackKits.CloseDropsTheBuffer.class, "CB8"),
                broken(CallbackKits.SecondCloseThrows.class, "CB9"),
                broken(CallbackKits.AcceptsAZeroBatch.class, "CB10"));
    }

    @RepeatedTest(3)
    void theHammerCatchesARouteRacingTheEventsEveryTime()
    {
        SelfTests.assertBreaksOnly(CallbackKits.RouteRacesEvents.class, "CB6");
    }

    @Test
    void theCorrectCallbackPassesEveryRule()
    {
        SelfTests.assertPasses(CallbackKits.Reference.class, Set.of());
    }

    @Test
    void aCallbackThatServesRoutesWithoutDeclaringItFailsCb5()
    {
        KitResults results = KitResults.run(CallbackKits.DeclaresNothing.class);

        KitResults.Outcome cb5 = results.of("CB5");
        assertEquals(TestExecutionResult.Status.FAILED, cb5.status(), results::toString);
        assertTrue(cb5.message().startsWith("CB5: SERVES_ROUTES is not declared"), cb5.message());
        assertEquals(Set.of("CB6", "CB8", "CB10"), results.with(TestExecutionResult.Status.ABORTED).keySet(), results::toString);
    }

    private static DynamicTest broken(Class<?> kit, String rule)
    {
        return dynamicTest(rule + " fails on " + kit.getSimpleName(), () -> SelfTests.assertBreaksOnly(kit, rule));
    }
}
