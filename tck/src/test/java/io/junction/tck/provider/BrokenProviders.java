package io.junction.tck.provider;

import io.junction.spi.provider.Endpoint;
import io.junction.spi.provider.ProviderAdapterFactory;
import io.junction.spi.provider.UpstreamTimeouts;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The provider kit on the reference adapter with one fault each, for {@link ProviderContractSelfTest}. Nested, so
 * that the build does not run them as tests of their own.
 */
final class BrokenProviders
{
    private BrokenProviders() {}

    abstract static class Broken
            extends ProviderAdapterContract
    {
        private final ReferenceProvider.Fault fault;

        Broken(ReferenceProvider.Fault fault)
        {
            this.fault = fault;
        }

        @Override
        protected ProviderAdapterFactory factory()
        {
            return new ReferenceProvider.Factory(fault);
        }

        @Override
        protected Optional<UpstreamScript> upstreamScript()
        {
            return Optional.of(new ReferenceProvider.Script());
        }

        @Override
        protected Set<ProviderCapability> capabilities()
        {
            return EnumSet.allOf(ProviderCapability.class);
        }

        @Override
        protected Set<String> requiredParams()
        {
            return Set.of("api_base");
        }

        @Override
        protected UpstreamTimeouts timeouts()
        {
            // shorter than the kit's default: twenty-odd runs each wait out two stalls
            return new UpstreamTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(2));
        }
    }

    /** Breaks P1. */
    static final class ChatObjectIsWrong
            extends Broken
    {
        ChatObjectIsWrong()
        {
            super(ReferenceProvider.Fault.CHAT_OBJECT_IS_WRONG);
        }
    }

    /** Breaks P2. */
    static final class StreamDropsAPiece
            extends Broken
    {
        StreamDropsAPiece()
        {
            super(ReferenceProvider.Fault.STREAM_DROPS_A_PIECE);
        }
    }

    /** Breaks P3. */
    static final class StreamUsageNeverKnown
            extends Broken
    {
        StreamUsageNeverKnown()
        {
            super(ReferenceProvider.Fault.STREAM_USAGE_NEVER_KNOWN);
        }
    }

    /** Breaks P4. */
    static final class TextCompletionAsChat
            extends Broken
    {
        TextCompletionAsChat()
        {
            super(ReferenceProvider.Fault.TEXT_COMPLETION_AS_CHAT);
        }
    }

    /** Breaks P5. */
    static final class EmbeddingKeepsNativeShape
            extends Broken
    {
        EmbeddingKeepsNativeShape()
        {
            super(ReferenceProvider.Fault.EMBEDDING_KEEPS_NATIVE_SHAPE);
        }
    }

    /** Breaks P6. */
    static final class ToolCallsDropped
            extends Broken
    {
        ToolCallsDropped()
        {
            super(ReferenceProvider.Fault.TOOL_CALLS_DROPPED);
        }
    }

    /** Breaks P7. */
    static final class RetryAfterDropped
            extends Broken
    {
        RetryAfterDropped()
        {
            super(ReferenceProvider.Fault.RETRY_AFTER_DROPPED);
        }
    }

    /** Breaks P8. */
    static final class ServerErrorAsInternal
            extends Broken
    {
        ServerErrorAsInternal()
        {
            super(ReferenceProvider.Fault.SERVER_ERROR_AS_INTERNAL);
        }
    }

    /** Breaks P9. */
    static final class UnauthorizedAsPermissionDenied
            extends Broken
    {
        UnauthorizedAsPermissionDenied()
        {
            super(ReferenceProvider.Fault.UNAUTHORIZED_AS_PERMISSION_DENIED);
        }
    }

    /** Breaks P10. */
    static final class UpstreamMessageNotRedacted
            extends Broken
    {
        UpstreamMessageNotRedacted()
        {
            super(ReferenceProvider.Fault.UPSTREAM_MESSAGE_NOT_REDACTED);
        }
    }

    /** Breaks P11. */
    static final class RetriesServerErrorsItself
            extends Broken
    {
        RetriesServerErrorsItself()
        {
            super(ReferenceProvider.Fault.RETRIES_SERVER_ERRORS_ITSELF);
        }
    }

    /** Breaks P12. */
    static final class UnavailableReadEndsStream
            extends Broken
    {
        UnavailableReadEndsStream()
        {
            super(ReferenceProvider.Fault.UNAVAILABLE_READ_ENDS_STREAM);
        }
    }

    /** Breaks P13. */
    static final class StreamWithoutDoneEndsCleanly
            extends Broken
    {
        StreamWithoutDoneEndsCleanly()
        {
            super(ReferenceProvider.Fault.STREAM_WITHOUT_DONE_ENDS_CLEANLY);
        }
    }

    /** Breaks P14. */
    static final class StreamTimeoutAsUnavailable
            extends Broken
    {
        StreamTimeoutAsUnavailable()
        {
            super(ReferenceProvider.Fault.STREAM_TIMEOUT_AS_UNAVAILABLE);
        }
    }

    /** Breaks P15. */
    static final class RefusedConnectionAsInternal
            extends Broken
    {
        RefusedConnectionAsInternal()
        {
            super(ReferenceProvider.Fault.REFUSED_CONNECTION_AS_INTERNAL);
        }
    }

    /** Breaks P16. */
    static final class SendTimeoutAsUnavailable
            extends Broken
    {
        SendTimeoutAsUnavailable()
        {
            super(ReferenceProvider.Fault.SEND_TIMEOUT_AS_UNAVAILABLE);
        }
    }

    /** Breaks P17. */
    static final class KeyInToString
            extends Broken
    {
        KeyInToString()
        {
            super(ReferenceProvider.Fault.KEY_IN_TO_STRING);
        }
    }

    /** Breaks P18. */
    static final class SecondCloseThrows
            extends Broken
    {
        SecondCloseThrows()
        {
            super(ReferenceProvider.Fault.SECOND_CLOSE_THROWS);
        }
    }

    /** Breaks P19. */
    static final class NameNotWellFormed
            extends Broken
    {
        NameNotWellFormed()
        {
            super(ReferenceProvider.Fault.NAME_NOT_WELL_FORMED);
        }
    }

    /** Breaks P20. */
    static final class MissingApiBaseIsANullPointer
            extends Broken
    {
        MissingApiBaseIsANullPointer()
        {
            super(ReferenceProvider.Fault.MISSING_API_BASE_IS_A_NULL_POINTER);
        }
    }

    /** Breaks P6 the other way: TOOLS is not declared, and the adapter neither serves nor refuses tools. */
    static final class UnsupportedToolsIgnored
            extends Broken
    {
        UnsupportedToolsIgnored()
        {
            super(ReferenceProvider.Fault.UNSUPPORTED_TOOLS_IGNORED);
        }

        @Override
        protected ProviderAdapterFactory factory()
        {
            return new ReferenceProvider.Factory(ReferenceProvider.Fault.UNSUPPORTED_TOOLS_IGNORED, Set.of(Endpoint.values()), false);
        }

        @Override
        protected Set<ProviderCapability> capabilities()
        {
            return EnumSet.complementOf(EnumSet.of(ProviderCapability.TOOLS));
        }
    }

    /** Breaks P5 the other way: EMBEDDINGS is not declared, yet the factory lists the endpoint and the adapter serves it. */
    static final class UndeclaredEmbeddingsServed
            extends Broken
    {
        UndeclaredEmbeddingsServed()
        {
            super(ReferenceProvider.Fault.NONE);
        }

        @Override
        protected Set<ProviderCapability> capabilities()
        {
            return EnumSet.complementOf(EnumSet.of(ProviderCapability.EMBEDDINGS));
        }
    }

    /** No script, as the validator runs it: the format rules are aborted as needing the plugin's own test. */
    static final class WithoutScript
            extends Broken
    {
        WithoutScript()
        {
            super(ReferenceProvider.Fault.NONE);
        }

        @Override
        protected Optional<UpstreamScript> upstreamScript()
        {
            return Optional.empty();
        }
    }
}
