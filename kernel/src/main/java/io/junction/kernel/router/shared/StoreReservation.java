package io.junction.kernel.router.shared;

/**
 * The answer to a reservation.
 *
 * @param granted whether the request fits the limits and was counted
 * @param requests the deployment's request count this minute, after the reservation if granted
 * @param tokens its token count this minute, likewise
 */
public record StoreReservation(boolean granted, long requests, long tokens) {}
