package io.smppex.sim;

import io.smppex.SessionOptions;
import io.smppex.TlsOptions;
import io.smppex.sim.internal.SimEngine;
import io.smppex.sim.internal.Settings;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A simulated MC (SMSC): accepts binds, journals every message, walks each through the SMPP
 * lifecycle (ENROUTE, then DELIVERED, UNDELIVERABLE, EXPIRED, REJECTED, DELETED or ACCEPTED),
 * answers query_sm, cancel_sm, replace_sm and submit_multi, sends delivery receipts without ever
 * losing or doubling one, applies scenario {@link Rule rules} and sends MO messages.
 *
 * <pre>{@code
 * try (SmppSimulator sim = SmppSimulator.builder().port(0).account("test", "secret").start()) {
 *     // bind an ESME to 127.0.0.1:sim.port(), submit...
 *     Message m = sim.journal().bySystemId("test").get(0);
 *     sim.rules().add(Rule.at(Stage.SUBMIT).status(CommandStatus.ESME_RTHROTTLED).times(3).build());
 * }
 * }</pre>
 *
 * <p>Thread-safe. The simulator's work runs on its sessions' event loops and one timer thread;
 * listener callbacks run on a dispatcher thread of their own (see {@link SimListener}).
 */
public final class SmppSimulator implements AutoCloseable {
    private final SimEngine engine;

    private SmppSimulator(SimEngine engine) {
        this.engine = engine;
    }

    /** {@return a builder with the defaults: 127.0.0.1:2775, any bind accepted, a journal of 100,000} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the port it listens on (the real one when started on port 0)} */
    public int port() {
        return engine.port();
    }

    /** {@return the address it listens on} */
    public InetSocketAddress localAddress() {
        return engine.localAddress();
    }

    /**
     * A barrier for the {@link SimListener}: completes once the listener has been handed every
     * event the simulator made before this call, so a test that saw a response can then look at
     * what its listener heard about it. Completes at once without a listener. May wait while the
     * listener's queue is full: not for an event loop.
     *
     * @return completes when the listener has had every earlier event
     */
    public CompletableFuture<Void> flushEvents() {
        return engine.flushEvents();
    }

    /** {@return the journal of messages} */
    public Journal journal() {
        return engine.journal();
    }

    /** {@return the scenario rules, changeable while it runs} */
    public Rules rules() {
        return engine.rules();
    }

    /** {@return the counters so far} */
    public SimStats stats() {
        return engine.stats();
    }

    /** {@return the system_ids with at least one session bound to receive now} */
    public List<String> receivers() {
        return engine.receivers();
    }

    /**
     * Sends a mobile-originated message to a receiver (receiver or transceiver) bound with
     * {@code mo.systemId()}; waits in the system_id's backlog while none is bound. A long text
     * goes out as concatenated parts (8-bit UDH reference).
     *
     * @param mo the message
     * @return completes when every part is acknowledged with ESME_ROK; fails with
     *         {@link MoRefusedException} if a receiver refuses a part with a permanent error or the backlog is full
     * @throws IllegalArgumentException if the text cannot be encoded as asked, or is too long for 255 parts
     */
    public CompletableFuture<Void> sendMo(Mo mo) {
        return engine.sendMo(mo);
    }

    /**
     * Decides the fate of an ENROUTE message now, as a test or the web console wants it: the
     * message moves to {@code state} and its delivery receipt (one per part of a long message, one
     * per destination of a submit_multi still ENROUTE) goes out to a receiver of its system_id
     * with that stat, even if registered_delivery did not ask for one. Its own timer, if any, is
     * cancelled. Use it with {@link Builder#holdReceipts(boolean)} or {@link Rule.Builder#holdReceipt()}
     * so that no receipt goes out before the test decides.
     *
     * <pre>{@code
     * Message m = sim.sendReceipt(messageId, MessageState.UNDELIVERABLE);  // now: stat:UNDELIV, state UNDELIVERABLE
     * }</pre>
     *
     * @param messageId the message_id given in submit_sm_resp (any part's id of a long message)
     * @param state the final state, such as DELIVERED, UNDELIVERABLE, EXPIRED, REJECTED, ACCEPTED or DELETED
     * @return the message in its new state; the receipt itself is queued, as receipts always are
     * @throws java.util.NoSuchElementException if the journal has no such message
     * @throws MessageFinalException if the message is already final
     * @throws IllegalArgumentException if {@code state} is not a final state
     */
    public Message sendReceipt(String messageId, io.smppex.pdu.field.MessageState state) {
        return engine.sendReceiptNow(messageId, state);
    }

    /**
     * The sessions open now, oldest first, bound or not yet.
     *
     * @return an immutable snapshot
     */
    public List<SessionSnapshot> sessions() {
        return engine.sessions();
    }

    /**
     * One open session.
     *
     * @param sessionId the id, as {@link SessionSnapshot#id()} gives it
     * @return its snapshot, or empty if no open session has that id
     */
    public java.util.Optional<SessionSnapshot> session(String sessionId) {
        return engine.session(sessionId);
    }

    /**
     * Ends a session gracefully: the MC sends unbind, waits for unbind_resp up to the session's
     * unbind limit, then closes. Receipts it had in flight go back to the backlog.
     *
     * @param sessionId the session's id
     * @return completes when the session has ended
     * @throws java.util.NoSuchElementException if no open session has that id
     */
    public CompletableFuture<Void> unbind(String sessionId) {
        return engine.endSession(sessionId, false);
    }

    /**
     * Closes a session's connection at once, with no unbind, as a network failure would. Receipts
     * it had in flight go back to the backlog.
     *
     * @param sessionId the session's id
     * @return completes when the session has ended
     * @throws java.util.NoSuchElementException if no open session has that id
     */
    public CompletableFuture<Void> disconnect(String sessionId) {
        return engine.endSession(sessionId, true);
    }

    /**
     * Adds an account, or changes its password, while the simulator runs. From then on binds are
     * checked against the accounts (see {@link Builder#account}). Sessions already bound stay bound.
     *
     * @param systemId the system_id
     * @param password its password
     */
    public void addAccount(String systemId, String password) {
        engine.addAccount(systemId, password);
    }

    /**
     * Removes an account while the simulator runs; later binds with that system_id get
     * ESME_RINVSYSID. Binds stay checked even when no account is left (then every bind is
     * refused), so removing the last account never opens the simulator to everyone. Sessions
     * already bound stay bound; {@link #unbind(String)} ends them.
     *
     * @param systemId the system_id
     * @return whether there was such an account
     */
    public boolean removeAccount(String systemId) {
        return engine.removeAccount(systemId);
    }

    /** {@return the system_ids of the accounts now; empty when every bind is accepted or none is left} */
    public java.util.Set<String> accounts() {
        return engine.accounts();
    }

    /**
     * Stops gracefully: unbinds every session, waits for the unbind_resp up to the session's limit,
     * flushes the store.
     *
     * @return completes when stopped
     */
    public CompletableFuture<Void> stop() {
        return engine.stop();
    }

    /** Stops (see {@link #stop()}) and waits for it. Must not be called on an event loop. */
    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "SmppSimulator[" + engine.localAddress() + "]";
    }

    /** The simulator's settings; {@link #start()} starts one. Every setter returns this builder. */
    public static final class Builder {
        private final Settings s = new Settings();
        private final Map<String, String> accounts = new LinkedHashMap<>();
        private final List<Rule> rules = new ArrayList<>();

        private Builder() {
        }

        /**
         * The address the simulator listens on (default 127.0.0.1, this machine only); 0.0.0.0
         * lets other machines bind too.
         *
         * @param v the address to listen on; default 127.0.0.1
         * @return this builder
         */
        public Builder host(String v) {
            s.host = Objects.requireNonNull(v, "host");
            return this;
        }

        /**
         * The SMPP port (default 2775); tests should pass 0 and ask {@link SmppSimulator#port()}.
         *
         * @param v the port to listen on, 0 for any free one; default 2775
         * @return this builder
         */
        public Builder port(int v) {
            if (v < 0 || v > 65535) {
                throw new IllegalArgumentException("port must be 0..65535: " + v);
            }
            s.port = v;
            return this;
        }

        /**
         * Adds an account; once there is one, binds must match one (unknown system_id gets
         * ESME_RINVSYSID, a wrong password ESME_RINVPASWD). Without accounts every bind is accepted.
         *
         * @param systemId the system_id
         * @param password its password
         * @return this builder
         */
        public Builder account(String systemId, String password) {
            accounts.put(Objects.requireNonNull(systemId, "systemId"), Objects.requireNonNull(password, "password"));
            return this;
        }

        /**
         * Adds several accounts at once, as {@link #account} does each; the first account of an
         * empty simulator turns bind checking on.
         *
         * @param v accounts to add, system_id to password (see {@link #account})
         * @return this builder
         */
        public Builder accounts(Map<String, String> v) {
            v.forEach(this::account);
            return this;
        }

        /**
         * The MC's own system_id, which every bind response carries.
         *
         * @param v the MC's own system_id, sent in bind responses; default "smppex"
         * @return this builder
         */
        public Builder systemId(String v) {
            s.systemId = Objects.requireNonNull(v, "systemId");
            return this;
        }

        /**
         * How the message_id of each accepted message looks in submit_sm_resp and its receipt.
         *
         * @param v how message ids look; default INCREMENTING, or UUID when the simulator joins a
         *          {@linkplain #cluster cluster}, because each node's counter would hand out the same ids
         * @return this builder
         */
        public Builder idFormat(IdFormat v) {
            s.idFormat = Objects.requireNonNull(v, "idFormat");
            return this;
        }

        /**
         * How many messages the journal keeps for {@link SmppSimulator#journal()}, query_sm,
         * cancel_sm and replace_sm; past it the oldest are evicted (and counted).
         *
         * @param v how many messages the journal holds before it evicts the oldest; default
         *          100,000; 0 keeps no journal (query_sm, cancel_sm and replace_sm then find nothing)
         * @return this builder
         */
        public Builder journalCapacity(int v) {
            if (v < 0) {
                throw new IllegalArgumentException("journal capacity must not be negative: " + v);
            }
            s.journalCapacity = v;
            return this;
        }

        /**
         * Keeps the journal in an H2 database file as well as in memory, so it survives a restart:
         * the newest {@code journalCapacity} messages are loaded at start, and messages still
         * ENROUTE resume. Writes happen on a thread of their own.
         *
         * @param file the database file, e.g. {@code sim.db} (H2 adds {@code .mv.db})
         * @return this builder
         */
        public Builder store(Path file) {
            s.store = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * Adds a scenario rule: at its stage, a request it matches gets the rule's status, delay
         * or receipt outcome instead of the normal answer. Rules are tried in order and the first
         * that matches wins; {@link SmppSimulator#rules()} changes them while the simulator runs.
         *
         * @param v a scenario rule, tried after those already added
         * @return this builder
         */
        public Builder rule(Rule v) {
            rules.add(Objects.requireNonNull(v, "rule"));
            return this;
        }

        /**
         * Adds the rules of a profile, a named set of them ({@link Profile#builtIn} has some).
         *
         * @param v a profile whose rules are added (after those already added)
         * @return this builder
         */
        public Builder profile(Profile v) {
            rules.addAll(v.rules());
            return this;
        }

        /**
         * Throttles each system_id as an MC with a contracted rate does (default 0, no limit):
         * submits beyond the rate are answered ESME_RTHROTTLED.
         *
         * @param perSecond the most submit_sm, data_sm and submit_multi per second accepted from one
         *                  system_id (over all its sessions); more get ESME_RTHROTTLED; 0 for no limit
         * @return this builder
         */
        public Builder maxSubmitRate(double perSecond) {
            if (!(perSecond >= 0)) {
                throw new IllegalArgumentException("max submit rate must not be negative: " + perSecond);
            }
            s.maxSubmitRate = perSecond;
            return this;
        }

        /**
         * How long an accepted message stays ENROUTE before it goes final and its receipt, if
         * asked for, is sent.
         *
         * @param v the time from acceptance (or scheduled delivery) to the final state; default 100 ms
         * @return this builder
         */
        public Builder receiptDelay(Duration v) {
            if (v.isNegative()) {
                throw new IllegalArgumentException("receipt delay must not be negative: " + v);
            }
            s.receiptDelay = v;
            return this;
        }

        /**
         * Holds every accepted message ENROUTE, with no receipt, until
         * {@link SmppSimulator#sendReceipt(String, io.smppex.pdu.field.MessageState)} decides its
         * fate. A validity period still expires a message when it ends; cancel_sm still deletes one.
         * {@link Rule.Builder#holdReceipt()} does the same for the messages a rule matches.
         *
         * @param v whether to hold; default false
         * @return this builder
         */
        public Builder holdReceipts(boolean v) {
            s.holdReceipts = v;
            return this;
        }

        /**
         * The final states messages go to, drawn by weight for each message
         * ({@link ReceiptOutcomes#parse} reads {@code "DELIVRD=9,UNDELIV=1"}); rules can decide
         * single messages instead.
         *
         * @param v the mix of final states; default all DELIVERED
         * @return this builder
         */
        public Builder receiptOutcomes(ReceiptOutcomes v) {
            s.outcomes = Objects.requireNonNull(v, "outcomes");
            return this;
        }

        /**
         * The seed of the outcome draw, so that a run with a mix of outcomes can be repeated.
         *
         * @param v the seed for drawing outcomes; default 1
         * @return this builder
         */
        public Builder seed(long v) {
            s.seed = v;
            return this;
        }

        /**
         * Bounds what waits for a receiver: receipts and MO for a system_id with no receiver bound,
         * or whose receivers' windows are full, queue up to this many; beyond it they are dropped
         * and counted.
         *
         * @param v the most receipts and MO parts waiting per system_id (no receiver bound, or
         *          receivers' windows full); more are dropped and counted; default 100,000
         * @return this builder
         */
        public Builder receiptBacklogLimit(int v) {
            if (v < 1) {
                throw new IllegalArgumentException("receipt backlog limit must be positive: " + v);
            }
            s.backlogLimit = v;
            return this;
        }

        /**
         * The MC's message queue: how many accepted messages may wait on a timer for their final state
         * (and so their receipt) at once. At the limit, submit_sm, data_sm and submit_multi are refused
         * with ESME_RMSGQFUL ("message queue full") until some go final; nothing accepted is dropped.
         * Without it, an ESME submitting faster than receipts fall due grows the simulator's memory
         * without bound, whatever the journal's capacity. Held messages ({@link #holdReceipts}) have no
         * timer and are bounded by the journal instead.
         *
         * @param v the limit, at least 1; default 200,000 (about 120 MB of heap at its fullest)
         * @return this builder
         */
        public Builder messageQueueLimit(int v) {
            if (v < 1) {
                throw new IllegalArgumentException("message queue limit must be positive: " + v);
            }
            s.messageQueueLimit = v;
            return this;
        }

        /**
         * How long the simulator waits before sending again a receipt or MO part that a receiver
         * answered with a temporary error (ESME_RX_T_APPN, throttling...).
         *
         * @param v the wait before re-sending a receipt a receiver answered with a temporary error; default 200 ms
         * @return this builder
         */
        public Builder receiptRetryDelay(Duration v) {
            if (v.isNegative()) {
                throw new IllegalArgumentException("retry delay must not be negative: " + v);
            }
            s.retryDelay = v;
            return this;
        }

        /**
         * Whether error responses carry their full body, as SMPP 5.0 allows, instead of the
         * header alone, as 3.4 has them; for testing an ESME's decoder against both.
         *
         * @param v send error responses with their full body (5.0 style) instead of header only; default false
         * @return this builder
         */
        public Builder fullErrorBodies(boolean v) {
            s.fullErrorBodies = v;
            return this;
        }

        /**
         * Reads a PROXY protocol header (v1 or v2, as HAProxy's {@code send-proxy} or
         * {@code send-proxy-v2} write it) on each connection, so that the sessions' {@code remote},
         * the bind checks and the logs show the real client instead of the load balancer. A
         * connection without a valid header is closed unanswered; see
         * {@code McOptions.Builder.proxyProtocol}.
         *
         * @param v true behind a load balancer that sends the header; default false
         * @return this builder
         */
        public Builder proxyProtocol(boolean v) {
            s.proxyProtocol = v;
            return this;
        }

        /**
         * Who hears the simulator's events (binds, messages, receipts, MO...), on a dispatcher
         * thread of its own so that a slow listener never holds a session up.
         *
         * @param v who hears the events; default none
         * @return this builder
         */
        public Builder listener(SimListener v) {
            s.listener = v;
            return this;
        }

        /**
         * How many events may wait for a slow listener; beyond it events are dropped (and
         * counted) rather than holding up the sessions.
         *
         * @param v the most events waiting for the listener before they are dropped; default 65,536
         * @return this builder
         */
        public Builder eventQueueCapacity(int v) {
            if (v < 1) {
                throw new IllegalArgumentException("event queue capacity must be positive: " + v);
            }
            s.eventQueueCapacity = v;
            return this;
        }

        /**
         * The options of every session the simulator accepts (default {@link SessionOptions#defaults()}).
         *
         * @param v the sessions' options (window, timers); the simulator sets the codec itself, and
         *          an observer given here (such as {@code SmppMetrics}) sees every PDU beside the simulator's own
         * @return this builder
         */
        public Builder session(SessionOptions v) {
            s.session = Objects.requireNonNull(v, "session");
            return this;
        }

        /**
         * Serves SMPP over TLS with these server options (default none, plain TCP).
         *
         * @param v server TLS options for the listening socket, or null for plain TCP
         * @return this builder
         */
        public Builder tls(TlsOptions v) {
            s.tls = v;
            return this;
        }

        /**
         * Joins this simulator to a cluster: receipts and MO parts for a system_id with no receiver
         * bound here go to the backplane, and ones from other nodes are delivered to receivers here.
         *
         * @param v the cluster bus, for example the NATS one of {@code smppex-cluster-nats}; the
         *     simulator closes it when it stops
         * @return this builder
         */
        public Builder cluster(io.smppex.sim.spi.RoutingBackplane v) {
            s.backplane = Objects.requireNonNull(v, "backplane");
            return this;
        }

        /**
         * Names this node in the cluster.
         *
         * @param v this node's name; default host:port
         * @return this builder
         */
        public Builder nodeId(String v) {
            s.nodeId = Objects.requireNonNull(v, "nodeId");
            return this;
        }

        /**
         * The number of event-loop threads.
         *
         * @param v event-loop threads; 0 for the core's default
         * @return this builder
         */
        public Builder workerThreads(int v) {
            s.workerThreads = v;
            return this;
        }

        /**
         * Starts listening; returns once the port is bound.
         *
         * @return the running simulator
         * @throws io.smppex.SmppException if the port cannot be bound
         * @throws IllegalStateException if the store cannot be opened
         */
        public SmppSimulator start() {
            s.accounts = Map.copyOf(accounts);
            s.rules = List.copyOf(rules);
            return new SmppSimulator(SimEngine.start(s));
        }
    }
}
