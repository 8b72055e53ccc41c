package io.smppex.examples.notify;

import io.smppex.Esme;
import io.smppex.EsmeOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.TlvTag;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.CommandStatus;
import io.smppex.pdu.field.MessageState;
import io.smppex.pdu.field.RegisteredDelivery;
import io.smppex.pdu.receipt.DeliveryReceipt;
import io.smppex.pdu.text.SplitMethod;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small notification service, as an application would write one: it sends a text (split into
 * parts when long) to a phone, retries a part the SMSC throttles, and reports the outcome once
 * every part's delivery receipt is in. Its tests (NotificationServiceTest) use smppex-test.
 *
 * <p>Nothing blocks: retries wait on a scheduler and receipts complete futures, so many sends can be
 * in flight on one session.
 */
public final class NotificationService implements AutoCloseable {

    /** How a notification ended. */
    public enum Outcome {
        /** Every part was delivered. */
        DELIVERED,
        /** A part's receipt reported a failure (see {@link Delivery#failedState()}). */
        FAILED,
        /** The SMSC refused a part for good, or throttled it more often than allowed. */
        REFUSED,
        /** Not every receipt came in time. */
        TIMED_OUT
    }

    /**
     * The result of one notification.
     *
     * @param outcome     how it ended
     * @param messageIds  the SMSC's message_id of each part accepted
     * @param retries     how many submits were retried after throttling
     * @param failedState the state of the first failed receipt, when {@code outcome} is FAILED
     * @param refusal     the status of the refusal, when {@code outcome} is REFUSED
     */
    public record Delivery(Outcome outcome, List<String> messageIds, int retries, Optional<MessageState> failedState,
                           Optional<CommandStatus> refusal) {
    }

    /**
     * Its settings.
     *
     * @param maxRetries     how many times one part is retried after ESME_RTHROTTLED or ESME_RMSGQFUL
     * @param retryBackoff   how long to wait before the first retry; it doubles on each
     * @param receiptTimeout how long to wait for all receipts once every part was accepted
     */
    public record Settings(int maxRetries, Duration retryBackoff, Duration receiptTimeout) {
        /** @return 3 retries from 1 s, receipts within 10 minutes */
        public static Settings defaults() {
            return new Settings(3, Duration.ofSeconds(1), Duration.ofMinutes(10));
        }
    }

    private final Settings settings;
    private final Session session;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "notification-retries");
        t.setDaemon(true);
        return t;
    });
    /** By message_id: completed by the receipt, whichever comes first, the receipt or the submit_sm_resp. */
    private final Map<String, CompletableFuture<MessageState>> receipts = new ConcurrentHashMap<>();
    private final AtomicInteger reference = new AtomicInteger();

    private NotificationService(Session session, Settings settings) {
        this.session = session;
        this.settings = settings;
    }

    /**
     * Binds as a transceiver, so receipts come back on the same session.
     *
     * @param host     the SMSC
     * @param port     its port
     * @param systemId the account
     * @param password its password
     * @param settings retries and timeouts
     * @return the service, bound
     * @throws io.smppex.SmppException if it could not connect or bind
     */
    public static NotificationService connect(String host, int port, String systemId, String password,
                                              Settings settings) {
        NotificationService[] self = new NotificationService[1];
        Session session = Esme.connectBlocking(host, port, new SessionHandler() {
            @Override
            public void onRequest(Session s, Pdu request) {
                if (request instanceof DeliverSm deliver) {
                    s.reply(deliver, deliver.respond().build());
                    if (deliver.isDeliveryReceipt()) {
                        self[0].onReceipt(deliver);
                    }
                } else {
                    SessionHandler.super.onRequest(s, request);
                }
            }
        }, EsmeOptions.builder().bind(PduFactory.bindTransceiver(systemId, password)).build());
        self[0] = new NotificationService(session, settings);
        return self[0];
    }

    /**
     * Sends a notification.
     *
     * @param from the sender shown on the phone
     * @param to   the phone number
     * @param text the text, of any length
     * @return completes when every receipt is in, or it failed, been refused or timed out
     */
    public CompletableFuture<Delivery> send(String from, String to, String text) {
        List<SubmitSm> parts = PduFactory.submitSmParts(Address.of(from), Address.of(to), text,
                RegisteredDelivery.RECEIPT_ON_FINAL, SplitMethod.UDH_8BIT, reference.getAndIncrement() & 0xFF);
        AtomicInteger retries = new AtomicInteger();
        List<CompletableFuture<SubmitSmResp>> accepted = new ArrayList<>();
        for (SubmitSm part : parts) {
            accepted.add(submit(part, 0, retries));
        }
        return CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new)).thenCompose(ignored -> {
            List<String> ids = accepted.stream().map(f -> f.join().messageId()).toList();
            Optional<CommandStatus> refused = accepted.stream().map(f -> f.join().status())
                    .filter(s -> !s.isOk()).findFirst();
            if (refused.isPresent()) {
                return CompletableFuture.completedFuture(new Delivery(Outcome.REFUSED, List.of(), retries.get(),
                        Optional.empty(), refused));
            }
            List<CompletableFuture<MessageState>> states = ids.stream().map(this::receiptFor).toList();
            return CompletableFuture.allOf(states.toArray(CompletableFuture[]::new))
                    .orTimeout(settings.receiptTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .handle((done, timeout) -> {
                        ids.forEach(receipts::remove);
                        if (timeout != null) {
                            return new Delivery(Outcome.TIMED_OUT, ids, retries.get(), Optional.empty(), Optional.empty());
                        }
                        Optional<MessageState> failed = states.stream().map(CompletableFuture::join)
                                .filter(s -> s != MessageState.DELIVERED).findFirst();
                        return new Delivery(failed.isPresent() ? Outcome.FAILED : Outcome.DELIVERED, ids,
                                retries.get(), failed, Optional.empty());
                    });
        });
    }

    /** One part; a throttled one is sent again after a growing pause, up to maxRetries times. */
    private CompletableFuture<SubmitSmResp> submit(SubmitSm part, int attempt, AtomicInteger retries) {
        return session.send(part).thenCompose(resp -> {
            boolean throttled = resp.status().equals(CommandStatus.ESME_RTHROTTLED)
                    || resp.status().equals(CommandStatus.ESME_RMSGQFUL);
            if (!throttled || attempt >= settings.maxRetries()) {
                return CompletableFuture.completedFuture(resp);
            }
            retries.incrementAndGet();
            long pause = settings.retryBackoff().toMillis() << attempt;
            CompletableFuture<SubmitSmResp> again = new CompletableFuture<>();
            scheduler.schedule(() -> submit(part, attempt + 1, retries).whenComplete((r, e) -> {
                if (e != null) {
                    again.completeExceptionally(e);
                } else {
                    again.complete(r);
                }
            }), pause, TimeUnit.MILLISECONDS);
            return again;
        });
    }

    private CompletableFuture<MessageState> receiptFor(String messageId) {
        return receipts.computeIfAbsent(messageId, id -> new CompletableFuture<>());
    }

    private void onReceipt(DeliverSm receipt) {
        Optional<String> id = receipt.tlv(TlvTag.RECEIPTED_MESSAGE_ID);
        Optional<MessageState> state = receipt.tlv(TlvTag.MESSAGE_STATE).map(MessageState::fromCode);
        if (id.isEmpty() || state.isEmpty()) {
            // An SMSC that sends only the text form of the receipt.
            Optional<DeliveryReceipt> parsed = DeliveryReceipt.parse(
                    new String(receipt.shortMessage(), StandardCharsets.ISO_8859_1));
            id = parsed.flatMap(DeliveryReceipt::id);
            state = parsed.flatMap(DeliveryReceipt::state);
        }
        if (id.isPresent() && state.isPresent()) {
            receiptFor(id.get()).complete(state.get());
        }
    }

    /** Unbinds and stops. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            session.stop().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            session.close();
        }
    }
}
