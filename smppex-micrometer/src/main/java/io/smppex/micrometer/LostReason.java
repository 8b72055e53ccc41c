package io.smppex.micrometer;

import io.smppex.InvalidBindStateException;
import io.smppex.MalformedResponseException;
import io.smppex.ResponseTimeoutException;
import io.smppex.SessionClosedException;
import io.smppex.WindowFullException;
import io.smppex.WriteFailedException;
import io.smppex.pdu.PduEncodeException;
import java.util.Locale;
import java.util.concurrent.CompletionException;

/**
 * Why a request of the application ended without a response: the {@code reason} tag of
 * {@link SmppMeterNames#REQUESTS_LOST}. Each value matches one exception its future fails with.
 */
public enum LostReason {
    /** The session ended with the request in flight or queued ({@link SessionClosedException}). */
    SESSION_CLOSED,
    /** No response within the response limit, or a response after it ({@link ResponseTimeoutException}). */
    TIMEOUT,
    /** The window and the queue were full, or the policy is to fail ({@link WindowFullException}). */
    WINDOW_FULL,
    /** The connection refused the write ({@link WriteFailedException}). */
    WRITE_FAILED,
    /** The session's bind state does not allow the command ({@link InvalidBindStateException}). */
    INVALID_BIND_STATE,
    /** The response arrived but did not decode ({@link MalformedResponseException}). */
    MALFORMED_RESPONSE,
    /** The request could not be encoded ({@link PduEncodeException}). */
    ENCODE_FAILED,
    /** Any other failure. */
    OTHER;

    private final String tag = name().toLowerCase(Locale.ROOT);

    /**
     * The tag value.
     *
     * @return the name in lower case, e.g. {@code session_closed}
     */
    public String tagValue() {
        return tag;
    }

    /**
     * The reason for the exception a request's future failed with.
     *
     * @param failure what the future failed with; a {@link CompletionException} is unwrapped
     * @return its reason, {@link #OTHER} for an exception the engine does not use
     */
    public static LostReason of(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof SessionClosedException) {
            return SESSION_CLOSED;
        }
        if (t instanceof ResponseTimeoutException) {
            return TIMEOUT;
        }
        if (t instanceof WindowFullException) {
            return WINDOW_FULL;
        }
        if (t instanceof WriteFailedException) {
            return WRITE_FAILED;
        }
        if (t instanceof InvalidBindStateException) {
            return INVALID_BIND_STATE;
        }
        if (t instanceof MalformedResponseException) {
            return MALFORMED_RESPONSE;
        }
        if (t instanceof PduEncodeException) {
            return ENCODE_FAILED;
        }
        return OTHER;
    }
}
