package io.smppex.interop.sim;

import com.cloudhopper.smpp.SmppBindType;
import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.SmppSession;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppClient;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import com.cloudhopper.smpp.pdu.CancelSm;
import com.cloudhopper.smpp.pdu.DataSm;
import com.cloudhopper.smpp.pdu.DataSmResp;
import com.cloudhopper.smpp.pdu.DeliverSm;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.pdu.QuerySm;
import com.cloudhopper.smpp.pdu.QuerySmResp;
import com.cloudhopper.smpp.pdu.ReplaceSm;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.pdu.SubmitSmResp;
import com.cloudhopper.smpp.tlv.Tlv;
import com.cloudhopper.smpp.type.Address;
import io.smppex.interop.peers.Cloudhopper;
import io.smppex.interop.support.Queues;
import io.smppex.sim.SmppSimulator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The simulator's lifecycle against Cloudhopper's DefaultSmppClient (com.fizzed:ch-smpp). Its
 * window defaults to 1; it is set explicitly to {@link Cloudhopper#WINDOW}.
 *
 * <p>ch-smpp 5.0.9 cannot decode a header-only query_sm_resp, the usual SMPP 3.4 form of an
 * error response: QuerySmResp.readBody reads past the end, the session handler logs and drops the
 * IndexOutOfBoundsException, and the request's future never completes. So this peer's simulator
 * sends full error bodies ({@link SmppSimulator.Builder#fullErrorBodies}), as an MC serving
 * Cloudhopper clients would have to.
 *
 * <p>ch-smpp 5.0.9 has no submit_multi PDU class (and its decoder none either), so the
 * submit_multi test is skipped for it by an assumption, not faked with raw octets.
 */
class SimVsCloudhopperEsmeTest extends SimAgainstPeerEsmeContract {

    @Override
    protected LifecycleEsme newPeer() {
        return new Ch();
    }

    @Override
    protected SmppSimulator.Builder configure(SmppSimulator.Builder b) {
        return b.fullErrorBodies(true);
    }

    static final class Ch implements LifecycleEsme {
        private final ExecutorService executor = Executors.newCachedThreadPool();
        private final DefaultSmppClient client = new DefaultSmppClient(executor, 1);
        private final BlockingQueue<Receipt> receipts = new LinkedBlockingQueue<>();
        private SmppSession session;

        private static Address isdn(String a) {
            return new Address((byte) 1, (byte) 1, a);
        }

        @Override
        public void bindTransceiver(int port, String systemId, String password) {
            SmppSessionConfiguration config = new SmppSessionConfiguration(SmppBindType.TRANSCEIVER, systemId, password);
            config.setName("interop-sim-cloudhopper");
            config.setHost("127.0.0.1");
            config.setPort(port);
            config.setWindowSize(Cloudhopper.WINDOW);
            config.setLoggingOptions(Cloudhopper.quiet());
            config.setConnectTimeout(Cloudhopper.TIMEOUT_MS);
            config.setBindTimeout(Cloudhopper.TIMEOUT_MS);
            config.setRequestExpiryTimeout(Cloudhopper.TIMEOUT_MS);
            try {
                session = client.bind(config, new DefaultSmppSessionHandler() {
                    @Override
                    public PduResponse firePduRequestReceived(PduRequest request) {
                        if (request instanceof DeliverSm d) {
                            receipts.add(seen(d));
                        }
                        return request.createResponse();
                    }
                });
            } catch (Exception e) {
                throw new AssertionError("Cloudhopper could not bind: " + e, e);
            }
        }

        private static Receipt seen(DeliverSm d) {
            String id = null;
            try {
                Tlv t = d.getOptionalParameter(SmppConstants.TAG_RECEIPTED_MSG_ID);
                id = t == null ? null : t.getValueAsString();
            } catch (Exception e) {
                id = "unreadable: " + e;
            }
            return new Receipt(id, new String(d.getShortMessage(), StandardCharsets.ISO_8859_1),
                    d.getSourceAddress().getAddress(), d.getEsmClass() & 0xFF);
        }

        @Override
        public Submitted submit(String from, String to, String text, int registeredDelivery) {
            SubmitSm s = new SubmitSm();
            s.setSourceAddress(isdn(from));
            s.setDestAddress(isdn(to));
            s.setRegisteredDelivery((byte) registeredDelivery);
            try {
                s.setShortMessage(text.getBytes(StandardCharsets.ISO_8859_1));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            SubmitSmResp r = (SubmitSmResp) Cloudhopper.exchange(session, s);
            return new Submitted(r.getCommandStatus(), r.getMessageId());
        }

        @Override
        public Queried query(String messageId, String from) {
            QuerySm q = new QuerySm();
            q.setMessageId(messageId);
            q.setSourceAddress(isdn(from));
            PduResponse resp = Cloudhopper.exchange(session, q);
            if (resp.getCommandStatus() != 0) {
                return new Queried(resp.getCommandStatus(), -1, null, -1);
            }
            QuerySmResp r = (QuerySmResp) resp;
            return new Queried(0, r.getMessageState() & 0xFF, r.getFinalDate() == null ? "" : r.getFinalDate(),
                    r.getErrorCode() & 0xFF);
        }

        @Override
        public int cancel(String messageId, String from, String to) {
            CancelSm c = new CancelSm();
            c.setServiceType("");
            c.setMessageId(messageId);
            c.setSourceAddress(isdn(from));
            c.setDestAddress(isdn(to));
            return Cloudhopper.exchange(session, c).getCommandStatus();
        }

        @Override
        public int replace(String messageId, String from, String text) {
            ReplaceSm r = new ReplaceSm();
            r.setMessageId(messageId);
            r.setSourceAddress(isdn(from));
            r.setScheduleDeliveryTime("000000000000000R");
            r.setRegisteredDelivery((byte) 1);
            try {
                r.setShortMessage(text.getBytes(StandardCharsets.ISO_8859_1));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return Cloudhopper.exchange(session, r).getCommandStatus();
        }

        @Override
        public boolean sendsSubmitMulti() {
            return false;
        }

        @Override
        public Multi submitMulti(String from, List<String> to, String text, int registeredDelivery) {
            throw new UnsupportedOperationException("ch-smpp has no submit_multi");
        }

        @Override
        public Submitted dataSm(String from, String to, String text, int registeredDelivery) {
            DataSm d = new DataSm();
            d.setSourceAddress(isdn(from));
            d.setDestAddress(isdn(to));
            d.setRegisteredDelivery((byte) registeredDelivery);
            d.addOptionalParameter(new Tlv(SmppConstants.TAG_MESSAGE_PAYLOAD, text.getBytes(StandardCharsets.ISO_8859_1)));
            DataSmResp r = (DataSmResp) Cloudhopper.exchange(session, d);
            return new Submitted(r.getCommandStatus(), r.getMessageId());
        }

        @Override
        public Receipt awaitReceipt() {
            return Queues.take(receipts, "a deliver_sm at the Cloudhopper ESME");
        }

        @Override
        public void close() {
            if (session != null) {
                session.unbind(5_000);
                session.destroy();
            }
            client.destroy();
            executor.shutdownNow();
        }
    }
}
