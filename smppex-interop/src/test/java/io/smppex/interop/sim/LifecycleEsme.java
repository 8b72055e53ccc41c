package io.smppex.interop.sim;

import io.smppex.pdu.field.SmppTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An independent ESME, driven through its own API, for the lifecycle requests a simulated MC
 * answers: submit_sm, query_sm, cancel_sm, replace_sm, submit_multi and data_sm. Addresses are
 * international ISDN numbers; every status is the command_status as the peer read it.
 */
interface LifecycleEsme extends AutoCloseable {

    /** Connects to 127.0.0.1:{@code port} and binds as a transceiver; fails the test if refused. */
    void bindTransceiver(int port, String systemId, String password);

    /** submit_sm of a Latin-1 {@code text} (data_coding 0); {@code registeredDelivery} 1 asks for a receipt. */
    Submitted submit(String from, String to, String text, int registeredDelivery);

    /** query_sm for {@code messageId} from {@code from}. */
    Queried query(String messageId, String from);

    /** cancel_sm of {@code messageId} (service_type and addresses as given); returns the status. */
    int cancel(String messageId, String from, String to);

    /**
     * replace_sm of {@code messageId} with {@code text}, schedule_delivery_time "deliver now"
     * (relative zero) and registered_delivery 1; returns the status.
     */
    int replace(String messageId, String from, String text);

    /** submit_multi to every address in {@code to} (SME addresses, none a distribution list). */
    Multi submitMulti(String from, List<String> to, String text, int registeredDelivery);

    /** data_sm with {@code text} in message_payload. */
    Submitted dataSm(String from, String to, String text, int registeredDelivery);

    /** The next deliver_sm the peer received (and answered ESME_ROK). */
    Receipt awaitReceipt();

    /** A final_date as {@link Queried#finalDate} holds it, as a time; SMPP absolute time by default. */
    default OffsetDateTime finalDateTime(String finalDate) {
        return SmppTime.parseAbsolute(finalDate);
    }

    /** False where the peer's library has no way to send submit_multi at all. */
    default boolean sendsSubmitMulti() {
        return true;
    }

    @Override
    void close();

    record Submitted(int status, String messageId) {
    }

    /** final_date as the peer read it: empty when the MC sent none. */
    record Queried(int status, int messageState, String finalDate, int errorCode) {
    }

    record Unsuccess(String address, int errorStatus) {
    }

    record Multi(int status, String messageId, List<Unsuccess> unsuccess) {
    }

    /**
     * A deliver_sm as the peer read it: {@code receiptedMessageId} from the TLV (null if absent),
     * {@code text} the short_message as Latin-1, {@code source} the source_addr (the original destination).
     */
    record Receipt(String receiptedMessageId, String text, String source, int esmClass) {
    }
}
