package io.junction.tck.routing;

/** The routing kit on the correct reference strategy, as a plugin's build runs it: every rule passes. */
class ReferenceRoutingContractTest
        extends RoutingKits.Reference
{
}
