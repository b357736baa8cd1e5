package io.junction.tck.callback;

import io.junction.spi.callback.CallbackFactory;
import io.junction.tck.kit.InvalidSetting;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The callback kit on the reference callback, correct or with one fault each; nested so the build does not run them itself. */
final class CallbackKits
{
    private CallbackKits() {}

    abstract static class WithFault
            extends CallbackContract
    {
        private final ReferenceCallback.Fault fault;
        // a sink of this rule's own
        private final String sink = UUID.randomUUID().toString();

        WithFault(ReferenceCallback.Fault fault)
        {
            this.fault = fault;
        }

        @Override
        protected CallbackFactory factory()
        {
            return new ReferenceCallback.Factory(fault);
        }

        @Override
        protected Set<CallbackCapability> capabilities()
        {
            return EnumSet.allOf(CallbackCapability.class);
        }

        @Override
        protected Map<String, Object> settings()
        {
            return Map.of("callbacks", List.of(ReferenceCallback.NAME), ReferenceCallback.SINK, sink, ReferenceCallback.BATCH_SIZE, 10,
                    ReferenceCallback.TOKEN, "tok-tck-secret-value");
        }

        @Override
        protected List<InvalidSetting> invalidSettings()
        {
            return List.of(new InvalidSetting(ReferenceCallback.BATCH_SIZE, 0), new InvalidSetting(ReferenceCallback.BATCH_SIZE, "ten"));
        }

        @Override
        protected Optional<Set<String>> deliveredCallIds()
        {
            return Optional.of(Set.copyOf(ReferenceCallback.SINKS.getOrDefault(sink, Set.of())));
        }
    }

    static class Reference
            extends WithFault
    {
        Reference()
        {
            super(ReferenceCallback.Fault.NONE);
        }
    }

    /** Breaks CB1. */
    static final class NameNotWellFormed
            extends WithFault
    {
        NameNotWellFormed()
        {
            super(ReferenceCallback.Fault.NAME_NOT_WELL_FORMED);
        }
    }

    /** Breaks CB2. */
    static final class EmptyBatchThrows
            extends WithFault
    {
        EmptyBatchThrows()
        {
            super(ReferenceCallback.Fault.EMPTY_BATCH_THROWS);
        }
    }

    /** Breaks CB3. */
    static final class LargeBatchThrows
            extends WithFault
    {
        LargeBatchThrows()
        {
            super(ReferenceCallback.Fault.LARGE_BATCH_THROWS);
        }
    }

    /** Breaks CB4. */
    static final class NeedsEveryField
            extends WithFault
    {
        NeedsEveryField()
        {
            super(ReferenceCallback.Fault.NEEDS_EVERY_FIELD);
        }
    }

    /** Breaks CB5. */
    static final class RouteUnderV1
            extends WithFault
    {
        RouteUnderV1()
        {
            super(ReferenceCallback.Fault.ROUTE_UNDER_V1);
        }
    }

    /** Breaks CB6. */
    static final class RouteRacesEvents
            extends WithFault
    {
        RouteRacesEvents()
        {
            super(ReferenceCallback.Fault.ROUTE_RACES_EVENTS);
        }
    }

    /** Breaks CB7. */
    static final class RouteShowsCallers
            extends WithFault
    {
        RouteShowsCallers()
        {
            super(ReferenceCallback.Fault.ROUTE_SHOWS_CALLERS);
        }
    }

    /** Breaks CB8. */
    static final class CloseDropsTheBuffer
            extends WithFault
    {
        CloseDropsTheBuffer()
        {
            super(ReferenceCallback.Fault.CLOSE_DROPS_THE_BUFFER);
        }
    }

    /** Breaks CB9. */
    static final class SecondCloseThrows
            extends WithFault
    {
        SecondCloseThrows()
        {
            super(ReferenceCallback.Fault.SECOND_CLOSE_THROWS);
        }
    }

    /** Breaks CB10. */
    static final class AcceptsAZeroBatch
            extends WithFault
    {
        AcceptsAZeroBatch()
        {
            super(ReferenceCallback.Fault.ACCEPTS_A_ZERO_BATCH);
        }
    }

    /** The correct callback, declaring nothing and observing no sink: the capability and delivery rules are aborted. */
    static final class DeclaresNothing
            extends CallbackContract
    {
        @Override
        protected CallbackFactory factory()
        {
            return new ReferenceCallback.Factory(ReferenceCallback.Fault.NONE);
        }

        @Override
        protected Set<CallbackCapability> capabilities()
        {
            return EnumSet.noneOf(CallbackCapability.class);
        }

        @Override
        protected Map<String, Object> settings()
        {
            return Map.of(ReferenceCallback.SINK, "declares-nothing");
        }
    }
}
