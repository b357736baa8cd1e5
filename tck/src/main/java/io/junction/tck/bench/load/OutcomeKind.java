package io.junction.tck.bench.load;

/** How one request ended, from the client's side. */
public enum OutcomeKind
{
    /** A 2xx answer read to its end (for a stream: up to {@code data: [DONE]}). */
    OK,
    /** An answer with a status outside 2xx. */
    HTTP_STATUS,
    /** No complete answer within the request timeout. */
    TIMEOUT,
    /** The connection could not be made, or closed before an answer began. */
    CONNECTION,
    /** A 2xx answer whose body ended early (a stream without {@code [DONE]}, or a connection cut mid-body). */
    STREAM_CUT,
    /** The client's own queue was full: the request never left. */
    CLIENT_QUEUE_FULL,
    OTHER
}
