package io.smppex;

import io.smppex.pdu.Bind;
import io.smppex.pdu.BindResp;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.RequestPdu;
import io.smppex.pdu.field.BindMode;
import java.net.SocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * One SMPP session over one TCP connection; the same engine serves ESMEs and MCs. Every method may
 * be called from any thread; work is carried out on the session's event loop.
 */
public interface Session {

    /**
     * A short id for logs, e.g. {@code "esme-3"}.
     *
     * @return the id, unique in this JVM
     */
    String id();

    /**
     * Which side of SMPP this session plays.
     *
     * @return ESME or MC
     */
    SessionRole role();

    /**
     * The current state. Exact when read on the event loop, a snapshot elsewhere.
     *
     * @return the state
     */
    SessionState state();

    /**
     * How the session is bound, once it is.
     *
     * @return the bind mode, or empty while not bound
     */
    Optional<BindMode> bindMode();

    /**
     * The system_id of the bind that bound the session (ours for an ESME, the peer's for an MC).
     *
     * @return the system_id, or empty while not bound
     */
    Optional<String> systemId();

    /**
     * The bind request that bound the session, once bound.
     *
     * @return the bind, or empty while not bound
     */
    Optional<Bind> bind();

    /**
     * The successful bind response of the session, once bound: for an ESME the MC's answer (its
     * system_id and sc_interface_version), for an MC the answer it sent.
     *
     * @return the bind response, or empty while not bound
     */
    Optional<BindResp> bindResponse();

    /**
     * The peer's address.
     *
     * @return the address, or null before the connection is up
     */
    SocketAddress remoteAddress();

    /**
     * The TLS session of the connection, once its handshake is done: protocol, cipher suite and
     * the certificates each side presented.
     *
     * @return the TLS session, or empty on plain TCP or before the handshake has completed
     */
    default Optional<SSLSession> tlsSession() {
        return Optional.empty();
    }

    /**
     * The certificate chain the peer presented in the TLS handshake, its own certificate first:
     * for an MC with client certificates on ({@link TlsOptions#withClientAuth(TlsOptions.ClientAuth, java.security.KeyStore)}), the ESME's
     * identity. Already verified against the trusted certificates when the handshake completed.
     *
     * @return the chain, or an empty list on plain TCP, before the handshake, or when the peer sent none
     */
    default List<X509Certificate> peerCertificates() {
        return tlsSession().map(Session::certificatesOf).orElse(List.of());
    }

    private static List<X509Certificate> certificatesOf(SSLSession tls) {
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : tls.getPeerCertificates()) {
                if (c instanceof X509Certificate x) {
                    chain.add(x);
                }
            }
            return List.copyOf(chain);
        } catch (SSLPeerUnverifiedException e) {
            return List.of();
        }
    }

    /**
     * Our end's address.
     *
     * @return the address, or null before the connection is up
     */
    SocketAddress localAddress();

    /**
     * Sends a request; the session assigns its sequence number. The future completes exactly once:
     * with the response (whatever its command_status), or exceptionally with
     * {@link ResponseTimeoutException}, {@link WindowFullException}, {@link SessionClosedException}
     * (the request was lost), {@link WriteFailedException}, {@link InvalidBindStateException},
     * {@link GenericNackException}, {@link MalformedResponseException} or
     * {@link io.smppex.pdu.PduEncodeException}. For outbind and alert_notification, which have no
     * response, it completes with null once written.
     *
     * @param request the request
     * @return completes with the response
     */
    CompletableFuture<Pdu> send(Pdu request);

    /**
     * Sends a request and hands back its own response type: {@code send(submitSm)} completes with
     * a {@link io.smppex.pdu.SubmitSmResp}. Everything else is as for {@link #send(Pdu)}; a
     * generic_nack answer fails the future with {@link GenericNackException}, so the future never
     * holds another type.
     *
     * @param <R> the response type
     * @param request the request
     * @return completes with the typed response
     */
    @SuppressWarnings("unchecked")
    default <R extends Pdu> CompletableFuture<R> send(RequestPdu<R> request) {
        // The engine completes a request's future only with the response whose command_id answers
        // that request's command_id, and PduCodec maps each command_id to one class.
        return (CompletableFuture<R>) (CompletableFuture<?>) send((Pdu) request);
    }

    /**
     * Answers {@code request}; the response takes its sequence number. Returns at once; a write
     * failure is logged and reported to {@link SessionHandler#onSendResult}.
     *
     * @throws IllegalArgumentException if {@code response} is not {@code request}'s response or a generic_nack
     * @param request the request
     * @param response the response
     */
    void reply(Pdu request, Pdu response);

    /**
     * Answers {@code request} with its own response type; the compiler refuses a response of
     * another command. A generic_nack goes through {@link #reply(Pdu, Pdu)}.
     *
     * @param <R> the response type
     * @param request the request
     * @param response the response
     */
    default <R extends Pdu> void reply(RequestPdu<R> request, R response) {
        reply((Pdu) request, (Pdu) response);
    }

    /**
     * Graceful stop: unbind, wait for unbind_resp up to the unbind limit, then close. An unbound
     * session closes at once. Completes when the session has ended.
     *
     * @return completes when the session has ended
     */
    CompletableFuture<Void> stop();

    /**
     * Immediate stop: close the connection now. Completes when the session has ended.
     *
     * @return completes when the session has ended
     */
    CompletableFuture<Void> close();

    /**
     * Completes when the session has ended, for whatever reason.
     *
     * @return the future
     */
    CompletableFuture<Void> closeFuture();

    /**
     * Why the session ended, once it has.
     *
     * @return the reason, or empty while the session runs
     */
    Optional<StopReason> stopReason();

    /**
     * Runs {@code fn} on the session's thread and returns its result (SMPPEX's {@code call}).
     *
     * @param <T> the type of the result
     * @param fn what to run with the session
     * @return completes with what {@code fn} returned, or fails with what it threw
     */
    <T> CompletableFuture<T> call(Function<Session, T> fn);

    /**
     * Runs {@code task} on the session's thread (SMPPEX's {@code cast}/{@code info}).
     *
     * @param task what to run
     */
    void execute(Runnable task);

    /**
     * True when called on the session's event-loop thread.
     *
     * @return whether the caller is on the event loop
     */
    boolean inEventLoop();

    /**
     * The session's clock: nanoseconds of its event loop's ticker, the clock its timers and the
     * times it gives a {@link SessionObserver} are read on. Only differences mean anything. Every
     * session of a JVM reads the same system clock, so times of two sessions compare (a receipt on
     * one session against the submit on another), unless a test has frozen a loop's clock.
     *
     * @return the time now, in nanoseconds of this session's clock
     */
    long nanoTime();

    /**
     * Requests sent and awaiting a response.
     *
     * @return how many
     */
    int pendingCount();

    /**
     * Requests waiting for a window slot.
     *
     * @return how many
     */
    int queuedCount();

    /**
     * A signal that the session takes another request: completes at once when {@link #send} would
     * accept one now, otherwise as soon as a request ends and frees its place in window and queue
     * (the window alone under {@link SessionOptions.WindowFullPolicy#FAIL}); fails with
     * {@link SessionClosedException} once the session has ended. Use it instead of polling
     * {@link #pendingCount()}: {@code session.windowAvailable().thenRun(this::sendMore)}.
     *
     * <p>It is a signal, not a reservation: several callers woken by one free place race for it,
     * and the losers get {@link WindowFullException} and wait again. Actions attached to it run on
     * the thread that freed the place, usually the session's event loop, so they must not block.
     *
     * @return a stage that completes when there is room, or fails when the session has ended
     */
    java.util.concurrent.CompletionStage<Void> windowAvailable();

    /**
     * The options the session runs with.
     *
     * @return the options
     */
    SessionOptions options();
}
