package io.smppex.interop.sim;

import io.smppex.interop.support.Queues;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.jsmpp.bean.Address;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceIfPresentFlag;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.bean.UnsuccessDelivery;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;

/** The simulator's lifecycle against jSMPP's SMPPSession (org.jsmpp:jsmpp). */
class SimVsJsmppEsmeTest extends SimAgainstPeerEsmeContract {

    @Override
    protected LifecycleEsme newPeer() {
        return new Jsmpp();
    }

    /** A jSMPP call whose failure is a response status: returns it, or throws for anything else. */
    private interface Call<T> {
        T run() throws Exception;
    }

    static final class Jsmpp implements LifecycleEsme {
        private static final TypeOfNumber TON = TypeOfNumber.INTERNATIONAL;
        private static final NumberingPlanIndicator NPI = NumberingPlanIndicator.ISDN;
        private final SMPPSession session = new SMPPSession();
        private final BlockingQueue<Receipt> receipts = new LinkedBlockingQueue<>();

        Jsmpp() {
            session.setTransactionTimer(10_000);
            session.setMessageReceiverListener(new MessageReceiverListener() {
                @Override
                public void onAcceptDeliverSm(DeliverSm d) {
                    OptionalParameter id = d.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
                    receipts.add(new Receipt(id instanceof OptionalParameter.OctetString s ? s.getValueAsString() : null,
                            new String(d.getShortMessage(), StandardCharsets.ISO_8859_1), d.getSourceAddr(),
                            d.getEsmClass() & 0xFF));
                }

                @Override
                public void onAcceptAlertNotification(AlertNotification a) {
                }

                @Override
                public DataSmResult onAcceptDataSm(DataSm d, Session source) throws ProcessRequestException {
                    throw new ProcessRequestException("not expected here", 0x03);
                }
            });
        }

        /** {@code status} is what the call's response said: 0 when jSMPP returned normally. */
        private static <T> Result<T> call(Call<T> c) {
            try {
                return new Result<>(0, c.run());
            } catch (NegativeResponseException e) {
                return new Result<>(e.getCommandStatus(), null);
            } catch (Exception e) {
                throw new AssertionError("jSMPP failed: " + e, e);
            }
        }

        private record Result<T>(int status, T value) {
        }

        @Override
        public void bindTransceiver(int port, String systemId, String password) {
            try {
                session.connectAndBind("127.0.0.1", port, new BindParameter(BindType.BIND_TRX, systemId, password, "",
                        TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 10_000);
            } catch (Exception e) {
                throw new AssertionError("jSMPP could not bind: " + e, e);
            }
        }

        @Override
        public Submitted submit(String from, String to, String text, int registeredDelivery) {
            Result<SubmitSmResult> r = call(() -> session.submitShortMessage("", TON, NPI, from, TON, NPI, to,
                    new ESMClass(0), (byte) 0, (byte) 0, null, null, new RegisteredDelivery(registeredDelivery), (byte) 0,
                    DataCodings.newInstance((byte) 0), (byte) 0, text.getBytes(StandardCharsets.ISO_8859_1)));
            return new Submitted(r.status(), r.value() == null ? null : r.value().getMessageId());
        }

        @Override
        public Queried query(String messageId, String from) {
            Result<QuerySmResult> r = call(() -> session.queryShortMessage(messageId, TON, NPI, from));
            if (r.value() == null) {
                return new Queried(r.status(), -1, null, -1);
            }
            QuerySmResult q = r.value();
            return new Queried(0, q.getMessageState().value() & 0xFF, q.getFinalDate() == null ? "" : q.getFinalDate(),
                    q.getErrorCode() & 0xFF);
        }

        @Override
        public int cancel(String messageId, String from, String to) {
            return call(() -> {
                session.cancelShortMessage("", messageId, TON, NPI, from, TON, NPI, to);
                return Boolean.TRUE;
            }).status();
        }

        @Override
        public int replace(String messageId, String from, String text) {
            return call(() -> {
                session.replaceShortMessage(messageId, TON, NPI, from, "000000000000000R", null,
                        new RegisteredDelivery(1), (byte) 0, text.getBytes(StandardCharsets.ISO_8859_1));
                return Boolean.TRUE;
            }).status();
        }

        @Override
        public Multi submitMulti(String from, List<String> to, String text, int registeredDelivery) {
            Address[] dests = to.stream().map(a -> new Address(TON, NPI, a)).toArray(Address[]::new);
            Result<SubmitMultiResult> r = call(() -> session.submitMultiple("", TON, NPI, from, dests, new ESMClass(0),
                    (byte) 0, (byte) 0, null, null, new RegisteredDelivery(registeredDelivery), ReplaceIfPresentFlag.DEFAULT,
                    DataCodings.newInstance((byte) 0), (byte) 0, text.getBytes(StandardCharsets.ISO_8859_1)));
            if (r.value() == null) {
                return new Multi(r.status(), null, List.of());
            }
            List<Unsuccess> failed = new ArrayList<>();
            UnsuccessDelivery[] u = r.value().getUnsuccessDeliveries();
            for (UnsuccessDelivery d : u == null ? new UnsuccessDelivery[0] : u) {
                // jSMPP reads an empty C-Octet String as null; the MC sent the empty address.
                String a = d.getDestinationAddress().getAddress();
                failed.add(new Unsuccess(a == null ? "" : a, d.getErrorStatusCode()));
            }
            return new Multi(0, r.value().getMessageId(), failed);
        }

        @Override
        public Submitted dataSm(String from, String to, String text, int registeredDelivery) {
            Result<DataSmResult> r = call(() -> session.dataShortMessage("", TON, NPI, from, TON, NPI, to, new ESMClass(0),
                    new RegisteredDelivery(registeredDelivery), DataCodings.newInstance((byte) 0),
                    new OptionalParameter.OctetString(OptionalParameter.Tag.MESSAGE_PAYLOAD.code(),
                            text.getBytes(StandardCharsets.ISO_8859_1))));
            return new Submitted(r.status(), r.value() == null ? null : r.value().getMessageId());
        }

        @Override
        public Receipt awaitReceipt() {
            return Queues.take(receipts, "a deliver_sm at the jSMPP ESME");
        }

        @Override
        public void close() {
            session.unbindAndClose();
        }
    }
}
