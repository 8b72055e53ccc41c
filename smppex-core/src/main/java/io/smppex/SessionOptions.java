package io.smppex;

import io.smppex.pdu.PduCodec;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a session behaves: window, timers, automatic replies and codec. Immutable; build with
 * {@link #builder()}. Timer names and defaults follow SMPPEX; a zero or null duration disables a
 * timer.
 *
 * <table>
 * <caption>defaults</caption>
 * <tr><th>option</th><th>default</th><th>why</th></tr>
 * <tr><td>windowSize</td><td>64</td><td>MCs commonly allow 10-100 outstanding requests; 64 keeps a
 *     link with 50 ms round trips near 1,300 submits/s without tripping MCs that throttle at 100.</td></tr>
 * <tr><td>windowFullPolicy / maxQueued</td><td>QUEUE / 4096</td><td>callers can burst without
 *     handling WindowFullException, yet memory stays bounded.</td></tr>
 * <tr><td>inboundWindow</td><td>1024</td><td>unanswered incoming requests before we stop reading
 *     from the socket, so a slow handler pushes back on the peer instead of buffering.</td></tr>
 * <tr><td>enquireLinkLimit</td><td>30 s</td><td>SMPPEX's enquire_link_limit.</td></tr>
 * <tr><td>enquireLinkRespLimit</td><td>30 s</td><td>SMPPEX's enquire_link_resp_limit.</td></tr>
 * <tr><td>sessionInitLimit</td><td>10 s</td><td>SMPPEX's session_init_limit.</td></tr>
 * <tr><td>inactivityLimit</td><td>off</td><td>like SMPPEX's inactivity_limit, but counting traffic both
 *     ways: see {@link #inactivityLimit()}.</td></tr>
 * <tr><td>responseLimit</td><td>60 s</td><td>SMPPEX's response_limit.</td></tr>
 * <tr><td>bindResponseLimit</td><td>10 s</td><td>a bind that takes longer is better retried.</td></tr>
 * <tr><td>unbindResponseLimit</td><td>5 s</td><td>how long a graceful stop waits for unbind_resp.</td></tr>
 * </table>
 */
public final class SessionOptions {
    /** What {@link Session#send} does when the window is full. */
    public enum WindowFullPolicy {
        /** Wait in a bounded queue without blocking any thread; fail when the queue is full. */
        QUEUE,
        /** Fail at once with {@link WindowFullException}. */
        FAIL
    }

    private static final SessionOptions DEFAULTS = builder().build();

    private final int windowSize;
    private final WindowFullPolicy windowFullPolicy;
    private final int maxQueued;
    private final int inboundWindow;
    private final Duration enquireLinkLimit;
    private final Duration enquireLinkRespLimit;
    private final Duration sessionInitLimit;
    private final Duration inactivityLimit;
    private final Duration responseLimit;
    private final Duration bindResponseLimit;
    private final Duration unbindResponseLimit;
    private final int initialSequenceNumber;
    private final PduCodec codec;
    private final boolean autoEnquireLinkResp;
    private final boolean autoUnbindResp;
    private final boolean autoGenericNack;
    private final boolean showEnginePdus;
    private final boolean enforceBindState;
    private final int writeBufferHighWaterMark;
    private final int writeBufferLowWaterMark;
    private final SessionObserver observer;

    private SessionOptions(Builder b) {
        windowSize = b.windowSize;
        windowFullPolicy = b.windowFullPolicy;
        maxQueued = b.maxQueued;
        inboundWindow = b.inboundWindow;
        enquireLinkLimit = b.enquireLinkLimit;
        enquireLinkRespLimit = b.enquireLinkRespLimit;
        sessionInitLimit = b.sessionInitLimit;
        inactivityLimit = b.inactivityLimit;
        responseLimit = b.responseLimit;
        bindResponseLimit = b.bindResponseLimit;
        unbindResponseLimit = b.unbindResponseLimit;
        initialSequenceNumber = b.initialSequenceNumber;
        codec = b.codec;
        autoEnquireLinkResp = b.autoEnquireLinkResp;
        autoUnbindResp = b.autoUnbindResp;
        autoGenericNack = b.autoGenericNack;
        showEnginePdus = b.showEnginePdus;
        enforceBindState = b.enforceBindState;
        writeBufferHighWaterMark = b.writeBufferHighWaterMark;
        writeBufferLowWaterMark = b.writeBufferLowWaterMark;
        observer = b.observer;
    }

    /**
     * The defaults of the table above.
     *
     * @return the defaults
     */
    public static SessionOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A builder with the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Maximum requests awaiting a response.
     *
     * @return the window size
     */
    public int windowSize() {
        return windowSize;
    }

    /**
     * What {@link Session#send} does when the window is full.
     *
     * @return the policy
     */
    public WindowFullPolicy windowFullPolicy() {
        return windowFullPolicy;
    }

    /**
     * Maximum sends waiting for a window slot under {@link WindowFullPolicy#QUEUE}.
     *
     * @return the queue size
     */
    public int maxQueued() {
        return maxQueued;
    }

    /**
     * Unanswered incoming requests at which the session stops reading from the socket.
     *
     * @return the inbound window
     */
    public int inboundWindow() {
        return inboundWindow;
    }

    /**
     * How long without receiving anything before the engine sends enquire_link; zero when off.
     *
     * @return the limit
     */
    public Duration enquireLinkLimit() {
        return enquireLinkLimit;
    }

    /**
     * How long an automatic enquire_link waits for its response before the session closes; zero when off.
     *
     * @return the limit
     */
    public Duration enquireLinkRespLimit() {
        return enquireLinkRespLimit;
    }

    /**
     * How long an accepted connection may stay unbound before it is closed; zero when off.
     *
     * @return the limit
     */
    public Duration sessionInitLimit() {
        return sessionInitLimit;
    }

    /**
     * How long the session may go without traffic other than enquire_link before its
     * {@link TimerKind#INACTIVITY} timer fires (by default: a graceful stop). Every PDU received
     * counts, and so does every request we send, except enquire_link and enquire_link_resp.
     *
     * <p>This differs from Elixir SMPPEX's {@code inactivity_limit}, which counts only incoming
     * requests other than enquire_link: there, a session that only sends (an ESME that submits and
     * gets responses) is inactive. Here it is not, and a session is inactive only when nothing of
     * substance crosses the connection in either direction. To stop a session that receives no
     * requests, count them in the handler and answer {@link TimerKind#INACTIVITY} accordingly, or
     * stop it from the handler.
     *
     * @return the limit; zero when off
     */
    public Duration inactivityLimit() {
        return inactivityLimit;
    }

    /**
     * How long an application request waits for its response before its future fails with
     * {@link ResponseTimeoutException}; zero when off.
     *
     * @return the limit
     */
    public Duration responseLimit() {
        return responseLimit;
    }

    /**
     * How long a bind waits for its bind_resp; zero when off.
     *
     * @return the limit
     */
    public Duration bindResponseLimit() {
        return bindResponseLimit;
    }

    /**
     * How long an unbind waits for its unbind_resp before the session closes anyway; zero when off.
     *
     * @return the limit
     */
    public Duration unbindResponseLimit() {
        return unbindResponseLimit;
    }

    /**
     * The first sequence number the session assigns (smppsend's {@code --sn}).
     *
     * @return the first sequence number
     */
    public int initialSequenceNumber() {
        return initialSequenceNumber;
    }

    /**
     * The codec that encodes and decodes the session's PDUs.
     *
     * @return the codec
     */
    public PduCodec codec() {
        return codec;
    }

    /**
     * Answer enquire_link automatically (the handler does not see them).
     *
     * @return whether enquire_link is answered by the engine
     */
    public boolean autoEnquireLinkResp() {
        return autoEnquireLinkResp;
    }

    /**
     * Answer a peer's unbind with unbind_resp and close.
     *
     * @return whether unbind is answered by the engine
     */
    public boolean autoUnbindResp() {
        return autoUnbindResp;
    }

    /**
     * Whether the engine's own requests (the automatic enquire_link and the unbind of a graceful
     * stop) reach the handler's {@link SessionHandler#onResponse}, {@link SessionHandler#onResponseTimeout}
     * and {@link SessionHandler#onSendResult}, and so {@link SyncEsme}'s events. Off by default, as
     * in SMPPEX: they are the engine's business. An observer sees their PDUs either way.
     *
     * @return true when the handler hears of them
     */
    public boolean showEnginePdus() {
        return showEnginePdus;
    }

    /**
     * Answer undecodable PDUs with generic_nack or their own error response.
     *
     * @return whether undecodable PDUs are answered
     */
    public boolean autoGenericNack() {
        return autoGenericNack;
    }

    /**
     * Refuse PDUs the current bind state does not allow (ESME_RINVBNDSTS, ESME_RALYBND).
     *
     * @return whether bind state is enforced
     */
    public boolean enforceBindState() {
        return enforceBindState;
    }

    /**
     * The channel's write buffer high water mark in bytes: above it the connection counts as not
     * writable, sends queue and reading pauses; 0 keeps Netty's default.
     *
     * @return the mark
     */
    public int writeBufferHighWaterMark() {
        return writeBufferHighWaterMark;
    }

    /**
     * The write buffer low water mark in bytes: below it the connection is writable again.
     *
     * @return the mark
     */
    public int writeBufferLowWaterMark() {
        return writeBufferLowWaterMark;
    }

    /**
     * The observer that watches every session made with these options (metrics, journals), if any.
     *
     * @return the observer, if any
     */
    public Optional<SessionObserver> observer() {
        return Optional.ofNullable(observer);
    }

    static boolean enabled(Duration d) {
        return d != null && !d.isZero() && !d.isNegative();
    }

    /** Builds {@link SessionOptions}. */
    public static final class Builder {
        private int windowSize = 64;
        private WindowFullPolicy windowFullPolicy = WindowFullPolicy.QUEUE;
        private int maxQueued = 4096;
        private int inboundWindow = 1024;
        private Duration enquireLinkLimit = Duration.ofSeconds(30);
        private Duration enquireLinkRespLimit = Duration.ofSeconds(30);
        private Duration sessionInitLimit = Duration.ofSeconds(10);
        private Duration inactivityLimit = Duration.ZERO;
        private Duration responseLimit = Duration.ofSeconds(60);
        private Duration bindResponseLimit = Duration.ofSeconds(10);
        private Duration unbindResponseLimit = Duration.ofSeconds(5);
        private int initialSequenceNumber = 1;
        private PduCodec codec = PduCodec.defaults();
        private boolean autoEnquireLinkResp = true;
        private boolean autoUnbindResp = true;
        private boolean autoGenericNack = true;
        private boolean showEnginePdus;
        private boolean enforceBindState = true;
        private int writeBufferHighWaterMark = 256 * 1024;
        private int writeBufferLowWaterMark = 128 * 1024;
        private SessionObserver observer;

        private Builder() {
        }

        private Builder(SessionOptions o) {
            windowSize = o.windowSize;
            windowFullPolicy = o.windowFullPolicy;
            maxQueued = o.maxQueued;
            inboundWindow = o.inboundWindow;
            enquireLinkLimit = o.enquireLinkLimit;
            enquireLinkRespLimit = o.enquireLinkRespLimit;
            sessionInitLimit = o.sessionInitLimit;
            inactivityLimit = o.inactivityLimit;
            responseLimit = o.responseLimit;
            bindResponseLimit = o.bindResponseLimit;
            unbindResponseLimit = o.unbindResponseLimit;
            initialSequenceNumber = o.initialSequenceNumber;
            codec = o.codec;
            autoEnquireLinkResp = o.autoEnquireLinkResp;
            autoUnbindResp = o.autoUnbindResp;
            autoGenericNack = o.autoGenericNack;
            showEnginePdus = o.showEnginePdus;
            enforceBindState = o.enforceBindState;
            writeBufferHighWaterMark = o.writeBufferHighWaterMark;
            writeBufferLowWaterMark = o.writeBufferLowWaterMark;
            observer = o.observer;
        }

        /**
         * How many of our requests may await their responses at once (default 64). Sends beyond it
         * wait in the queue or fail, as {@link #windowFullPolicy} says; set it to what the MC
         * allows, since an MC refuses or throttles a session that exceeds its own window.
         *
         * @param v the most requests awaiting a response, at least 1
         * @return this builder
         */
        public Builder windowSize(int v) {
            if (v < 1) {
                throw new IllegalArgumentException("windowSize must be at least 1, was " + v);
            }
            windowSize = v;
            return this;
        }

        /**
         * What {@link Session#send} does when the window is full (default
         * {@link WindowFullPolicy#QUEUE}): wait in a bounded queue without blocking a thread, or
         * fail at once with {@link WindowFullException}.
         *
         * @param v the policy
         * @return this builder
         */
        public Builder windowFullPolicy(WindowFullPolicy v) {
            windowFullPolicy = Objects.requireNonNull(v);
            return this;
        }

        /**
         * How many sends may wait for a window slot under {@link WindowFullPolicy#QUEUE} (default
         * 4,096); one more fails with {@link WindowFullException}, so memory stays bounded
         * however fast the caller sends. 0 makes every send beyond the window fail.
         *
         * @param v the most sends waiting for a window slot
         * @return this builder
         */
        public Builder maxQueued(int v) {
            if (v < 0) {
                throw new IllegalArgumentException("maxQueued must not be negative, was " + v);
            }
            maxQueued = v;
            return this;
        }

        /**
         * How many of the peer's requests may be unanswered before the session stops reading from
         * the socket (default 1,024), so a slow handler pushes back on the peer instead of
         * buffering its requests; reading resumes as answers go out.
         *
         * @param v unanswered incoming requests before reading pauses, at least 1
         * @return this builder
         */
        public Builder inboundWindow(int v) {
            if (v < 1) {
                throw new IllegalArgumentException("inboundWindow must be at least 1, was " + v);
            }
            inboundWindow = v;
            return this;
        }

        /**
         * How long the session may receive nothing before the engine sends an enquire_link to
         * check the link (default 30 s, SMPPEX's enquire_link_limit).
         *
         * @param v the idle time before an enquire_link; zero or null turns it off
         * @return this builder
         */
        public Builder enquireLinkLimit(Duration v) {
            enquireLinkLimit = nonNegative(v, "enquireLinkLimit");
            return this;
        }

        /**
         * How long an automatic enquire_link waits for its response before the session is closed
         * as dead (default 30 s, SMPPEX's enquire_link_resp_limit).
         *
         * @param v the wait for enquire_link_resp; zero or null turns it off
         * @return this builder
         */
        public Builder enquireLinkRespLimit(Duration v) {
            enquireLinkRespLimit = nonNegative(v, "enquireLinkRespLimit");
            return this;
        }

        /**
         * How long an accepted connection may stay unbound before the MC closes it (default 10 s,
         * SMPPEX's session_init_limit), so connections that never bind do not pile up.
         *
         * @param v the time allowed to bind; zero or null turns it off
         * @return this builder
         */
        public Builder sessionInitLimit(Duration v) {
            sessionInitLimit = nonNegative(v, "sessionInitLimit");
            return this;
        }

        /**
         * How long the session may carry no traffic but enquire_link before its inactivity timer
         * fires (default off); see {@link SessionOptions#inactivityLimit()} for what counts and how
         * it differs from SMPPEX's.
         *
         * @param v the limit; zero or null turns it off
         * @return this builder
         */
        public Builder inactivityLimit(Duration v) {
            inactivityLimit = nonNegative(v, "inactivityLimit");
            return this;
        }

        /**
         * How long each of our requests waits for its response before its future fails with
         * {@link ResponseTimeoutException} and its window slot is freed (default 60 s, SMPPEX's
         * response_limit).
         *
         * @param v the wait for a response; zero or null turns it off
         * @return this builder
         */
        public Builder responseLimit(Duration v) {
            responseLimit = nonNegative(v, "responseLimit");
            return this;
        }

        /**
         * How long a bind waits for its bind_resp before it fails, and with it a connect that binds
         * (default 10 s): a bind that takes longer is better retried.
         *
         * @param v the wait for bind_resp; zero or null turns it off
         * @return this builder
         */
        public Builder bindResponseLimit(Duration v) {
            bindResponseLimit = nonNegative(v, "bindResponseLimit");
            return this;
        }

        /**
         * How long a graceful stop waits for the peer's unbind_resp before closing anyway
         * (default 5 s).
         *
         * @param v the wait for unbind_resp; zero or null turns it off
         * @return this builder
         */
        public Builder unbindResponseLimit(Duration v) {
            unbindResponseLimit = nonNegative(v, "unbindResponseLimit");
            return this;
        }

        /**
         * 1..0x7FFFFFFF.
         *
         * @param v the value
         * @return this builder
         */
        public Builder initialSequenceNumber(int v) {
            if (v < 1) {
                throw new IllegalArgumentException("sequence numbers run from 1 to 0x7FFFFFFF, not " + v);
            }
            initialSequenceNumber = v;
            return this;
        }

        /**
         * The codec the session encodes and decodes its PDUs with (default
         * {@link PduCodec#defaults()}: lenient decoding, strict encoding, a 64 KiB cap on
         * command_length); give a strict or a more tolerant one here.
         *
         * @param v the codec for the session's PDUs
         * @return this builder
         */
        public Builder codec(PduCodec v) {
            codec = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Whether the engine answers the peer's enquire_link itself (default true); with false the
         * handler gets them in {@link SessionHandler#onRequest} and must answer.
         *
         * @param v whether the engine answers enquire_link itself
         * @return this builder
         */
        public Builder autoEnquireLinkResp(boolean v) {
            autoEnquireLinkResp = v;
            return this;
        }

        /**
         * Whether the engine answers the peer's unbind with unbind_resp and closes (default true);
         * with false the handler gets the unbind and decides.
         *
         * @param v whether the engine answers unbind itself and closes
         * @return this builder
         */
        public Builder autoUnbindResp(boolean v) {
            autoUnbindResp = v;
            return this;
        }

        /**
         * Let the handler hear of the engine's own requests; see {@link SessionOptions#showEnginePdus()}.
         *
         * @param v true to show them
         * @return this builder
         */
        public Builder showEnginePdus(boolean v) {
            showEnginePdus = v;
            return this;
        }

        /**
         * Whether a PDU that cannot be decoded is answered by the engine (default true): with
         * generic_nack, or with its own error response when its command_id is known, as SMPP
         * requires. With false the engine answers nothing: the handler's
         * {@link SessionHandler#onUnparsedPdu} still hears of it and may answer.
         *
         * @param v whether undecodable PDUs are answered with generic_nack or their error response
         * @return this builder
         */
        public Builder autoGenericNack(boolean v) {
            autoGenericNack = v;
            return this;
        }

        /**
         * Whether the engine refuses what the bind state does not allow (default true): a
         * submit_sm before bind gets ESME_RINVBNDSTS, a second bind ESME_RALYBND, without reaching
         * the handler. Turn it off only to test how a peer copes with an MC that does not check.
         *
         * @param v whether PDUs the bind state does not allow are refused
         * @return this builder
         */
        public Builder enforceBindState(boolean v) {
            enforceBindState = v;
            return this;
        }

        /**
         * Bytes queued for writing above which the session stops sending and reading (backpressure).
         *
         * @param low the low water mark in bytes
         * @param high the high water mark in bytes
         * @return this builder
         */
        public Builder writeBufferWaterMarks(int low, int high) {
            if (low < 0 || high < low) {
                throw new IllegalArgumentException("need 0 <= low <= high, got " + low + ", " + high);
            }
            writeBufferLowWaterMark = low;
            writeBufferHighWaterMark = high;
            return this;
        }

        /**
         * Watches every session made with these options: every PDU in and out, binds, request
         * outcomes and closes (see {@link SessionObserver}). Null removes it. Combine several with
         * {@link SessionObserver#composite}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder observer(SessionObserver v) {
            observer = v;
            return this;
        }

        /** @return the options */
        public SessionOptions build() {
            return new SessionOptions(this);
        }

        private static Duration nonNegative(Duration d, String name) {
            if (d == null) {
                return Duration.ZERO;
            }
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative: " + d);
            }
            return d;
        }
    }
}
