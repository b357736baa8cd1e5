package io.junction.tck.routing;

/**
 * What a routing strategy declares about its behaviour. The rule of a capability that is not declared is reported
 * as aborted (it does not apply), never as passed.
 */
public enum RoutingCapability
{
    /** Never picks a deployment without rpm or tpm headroom for the request; answers empty when none has any. */
    RESPECTS_HEADROOM,
    /** Over many picks among equal, idle, healthy candidates, every one gets a share of the traffic. */
    FAIR,
    /** Shifts traffic away from a deployment whose attempts fail (or are slow), as reported to onOutcome. */
    LEARNS_FROM_OUTCOMES
}
