package io.junction.tck.routing;

import io.junction.spi.routing.RoutingStrategyFactory;
import io.junction.tck.kit.InvalidSetting;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The routing kit on the reference strategy, correct or with one fault each; nested so the build does not run them itself. */
final class RoutingKits
{
    private RoutingKits() {}

    /** The reference strategy with a fault, claiming every capability. */
    abstract static class Broken
            extends RoutingStrategyContract
    {
        private final ReferenceRouting.Fault fault;

        Broken(ReferenceRouting.Fault fault)
        {
            this.fault = fault;
        }

        @Override
        protected RoutingStrategyFactory factory()
        {
            return new ReferenceRouting.Factory(fault);
        }

        @Override
        protected Set<RoutingCapability> capabilities()
        {
            return EnumSet.allOf(RoutingCapability.class);
        }

        @Override
        protected List<InvalidSetting> invalidSettings()
        {
            return List.of(new InvalidSetting(ReferenceRouting.COOLDOWN, 0), new InvalidSetting(ReferenceRouting.COOLDOWN, "soon"));
        }
    }

    /** Breaks R1. */
    static final class NameNotWellFormed
            extends Broken
    {
        NameNotWellFormed()
        {
            super(ReferenceRouting.Fault.NAME_NOT_WELL_FORMED);
        }
    }

    /** Breaks R2. */
    static final class EmptyListThrows
            extends Broken
    {
        EmptyListThrows()
        {
            super(ReferenceRouting.Fault.EMPTY_LIST_THROWS);
        }
    }

    /** Breaks R3. */
    static final class RebuildsTheCandidate
            extends Broken
    {
        RebuildsTheCandidate()
        {
            super(ReferenceRouting.Fault.REBUILDS_THE_CANDIDATE);
        }
    }

    /** Breaks R4. */
    static final class OwnRandomness
            extends Broken
    {
        OwnRandomness()
        {
            super(ReferenceRouting.Fault.OWN_RANDOMNESS);
        }
    }

    /** Breaks R5. */
    static final class UnguardedSharedState
            extends Broken
    {
        UnguardedSharedState()
        {
            super(ReferenceRouting.Fault.UNGUARDED_SHARED_STATE);
        }
    }

    /** Breaks R6. */
    static final class UnknownOutcomeThrows
            extends Broken
    {
        UnknownOutcomeThrows()
        {
            super(ReferenceRouting.Fault.UNKNOWN_OUTCOME_THROWS);
        }
    }

    /** Breaks R7. */
    static final class SortsTheListInPlace
            extends Broken
    {
        SortsTheListInPlace()
        {
            super(ReferenceRouting.Fault.SORTS_THE_LIST_IN_PLACE);
        }
    }

    /** Breaks R8. */
    static final class IgnoresRpm
            extends Broken
    {
        IgnoresRpm()
        {
            super(ReferenceRouting.Fault.IGNORES_RPM);
        }
    }

    /** Breaks R9. */
    static final class IgnoresTpm
            extends Broken
    {
        IgnoresTpm()
        {
            super(ReferenceRouting.Fault.IGNORES_TPM);
        }
    }

    /** Breaks R10. */
    static final class TiesGoToTheFirst
            extends Broken
    {
        TiesGoToTheFirst()
        {
            super(ReferenceRouting.Fault.TIES_GO_TO_THE_FIRST);
        }
    }

    /** Breaks R11. */
    static final class IgnoresOutcomes
            extends Broken
    {
        IgnoresOutcomes()
        {
            super(ReferenceRouting.Fault.IGNORES_OUTCOMES);
        }
    }

    /** Breaks R12. */
    static final class AcceptsAZeroCooldown
            extends Broken
    {
        AcceptsAZeroCooldown()
        {
            super(ReferenceRouting.Fault.ACCEPTS_A_ZERO_COOLDOWN);
        }
    }

    /** The correct reference strategy, claiming every capability. */
    static class Reference
            extends Broken
    {
        Reference()
        {
            super(ReferenceRouting.Fault.NONE);
        }
    }

    /** The correct strategy claiming nothing, with no invalid settings declared: the rules that need either are aborted. */
    static final class ClaimsNothing
            extends RoutingStrategyContract
    {
        @Override
        protected RoutingStrategyFactory factory()
        {
            return new ReferenceRouting.Factory(ReferenceRouting.Fault.NONE);
        }
    }
}
