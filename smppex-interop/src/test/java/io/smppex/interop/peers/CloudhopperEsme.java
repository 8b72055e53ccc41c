package io.smppex.interop.peers;

import com.cloudhopper.smpp.SmppBindType;
import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.SmppSession;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppClient;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import com.cloudhopper.smpp.pdu.DeliverSm;
import com.cloudhopper.smpp.pdu.EnquireLink;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.pdu.SubmitSmResp;
import com.cloudhopper.smpp.pdu.Unbind;
import com.cloudhopper.smpp.ssl.SslConfiguration;
import com.cloudhopper.smpp.tlv.Tlv;
import com.cloudhopper.smpp.type.SmppBindException;
import com.cloudhopper.smpp.util.DeliveryReceipt;
import io.smppex.interop.support.PeerEsme;
import io.smppex.interop.support.PeerMc.PduSeen;
import io.smppex.interop.support.Queues;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import org.joda.time.DateTimeZone;

/** Cloudhopper's DefaultSmppClient as the ESME. */
public final class CloudhopperEsme implements PeerEsme {
    private final int port;
    private final SslConfiguration ssl;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final DefaultSmppClient client = new DefaultSmppClient(executor, 1);
    private final BlockingQueue<DeliverSeen> delivers = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private SmppSession session;

    /** {@code ssl} null for plain TCP. */
    public CloudhopperEsme(int port, SslConfiguration ssl) {
        this.port = port;
        this.ssl = ssl;
    }

    @Override
    public BindResult bind(BindMode mode, String systemId, String password) {
        SmppBindType type = mode == BindMode.TRANSMITTER ? SmppBindType.TRANSMITTER
                : mode == BindMode.RECEIVER ? SmppBindType.RECEIVER : SmppBindType.TRANSCEIVER;
        SmppSessionConfiguration config = new SmppSessionConfiguration(type, systemId, password);
        config.setName("interop-cloudhopper-esme");
        config.setHost("127.0.0.1");
        config.setPort(port);
        config.setWindowSize(Cloudhopper.WINDOW);
        config.setLoggingOptions(Cloudhopper.quiet());
        config.setConnectTimeout(Cloudhopper.TIMEOUT_MS);
        config.setBindTimeout(Cloudhopper.TIMEOUT_MS);
        config.setRequestExpiryTimeout(Cloudhopper.TIMEOUT_MS);
        if (ssl != null) {
            config.setUseSsl(true);
            config.setSslConfiguration(ssl);
        }
        try {
            session = client.bind(config, new Handler());
            // Cloudhopper keeps the bind_resp to itself; the session's name is all it exposes.
            return new BindResult(0, null);
        } catch (SmppBindException e) {
            return new BindResult(e.getBindResponse().getCommandStatus(), e.getBindResponse().getSystemId());
        } catch (Exception e) {
            throw new AssertionError("Cloudhopper could not bind: " + e, e);
        }
    }

    private final class Handler extends DefaultSmppSessionHandler {
        @Override
        public PduResponse firePduRequestReceived(PduRequest request) {
            if (request instanceof DeliverSm) {
                delivers.add(seen((DeliverSm) request));
            } else if (request instanceof EnquireLink) {
                received.add("enquire_link");
            } else if (request instanceof Unbind) {
                received.add("unbind");
            }
            return request.createResponse();
        }
    }

    private static DeliverSeen seen(DeliverSm d) {
        String id = null;
        Integer state = null;
        String parsedId = null;
        String parsedStat = null;
        try {
            Tlv idTlv = d.getOptionalParameter(SmppConstants.TAG_RECEIPTED_MSG_ID);
            if (idTlv != null) {
                id = idTlv.getValueAsString();
            }
            Tlv stateTlv = d.getOptionalParameter(SmppConstants.TAG_MSG_STATE);
            if (stateTlv != null) {
                state = stateTlv.getValueAsUnsignedByte() & 0xFF;
            }
            if ((d.getEsmClass() & 0x3C) == 0x04) {
                DeliveryReceipt r = DeliveryReceipt.parseShortMessage(
                        new String(d.getShortMessage(), StandardCharsets.ISO_8859_1), DateTimeZone.UTC);
                parsedId = r.getMessageId();
                parsedStat = DeliveryReceipt.toStateText(r.getState());
            }
        } catch (Exception e) {
            parsedStat = "unparsable: " + e;
        }
        return new DeliverSeen(d.getSourceAddress().getTon() & 0xFF, d.getSourceAddress().getNpi() & 0xFF,
                d.getSourceAddress().getAddress(), d.getDestAddress().getTon() & 0xFF, d.getDestAddress().getNpi() & 0xFF,
                d.getDestAddress().getAddress(), d.getEsmClass() & 0xFF, d.getDataCoding() & 0xFF, d.getShortMessage(),
                id, state, parsedId, parsedStat);
    }

    @Override
    public SubmitResult submit(Address from, Address to, int dataCoding, byte[] shortMessage) {
        SubmitSm s = new SubmitSm();
        s.setSourceAddress(Cloudhopper.address(from));
        s.setDestAddress(Cloudhopper.address(to));
        s.setDataCoding((byte) dataCoding);
        try {
            s.setShortMessage(shortMessage);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        SubmitSmResp r = (SubmitSmResp) Cloudhopper.exchange(session, s);
        return new SubmitResult(r.getCommandStatus(), r.getMessageId());
    }

    @Override
    public DeliverSeen awaitDeliverSm() {
        return Queues.take(delivers, "a deliver_sm at the Cloudhopper ESME");
    }

    @Override
    public int sendEnquireLink() {
        return Cloudhopper.exchange(session, new EnquireLink()).getCommandStatus();
    }

    @Override
    public void awaitEnquireLink() {
        Queues.takeMatching(received, "enquire_link"::equals, "an enquire_link at the Cloudhopper ESME");
    }

    @Override
    public int sendUnbind() {
        return Cloudhopper.exchange(session, new Unbind()).getCommandStatus();
    }

    @Override
    public void awaitUnbind() {
        Queues.takeMatching(received, "unbind"::equals, "an unbind at the Cloudhopper ESME");
    }

    @Override
    public PduSeen sendUnknownCommand(int commandId) {
        return Cloudhopper.seen(Cloudhopper.exchange(session, new Cloudhopper.UnknownRequest(commandId)));
    }

    @Override
    public void close() {
        if (session != null) {
            session.destroy();
        }
        client.destroy();
        executor.shutdownNow();
    }
}
