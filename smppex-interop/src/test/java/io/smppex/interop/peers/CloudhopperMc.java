package io.smppex.interop.peers;

import com.cloudhopper.smpp.SmppBindType;
import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.SmppServerConfiguration;
import com.cloudhopper.smpp.SmppServerHandler;
import com.cloudhopper.smpp.SmppServerSession;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppServer;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import com.cloudhopper.smpp.pdu.BaseBind;
import com.cloudhopper.smpp.pdu.BaseBindResp;
import com.cloudhopper.smpp.pdu.DeliverSm;
import com.cloudhopper.smpp.pdu.EnquireLink;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.pdu.SubmitSmResp;
import com.cloudhopper.smpp.pdu.Unbind;
import com.cloudhopper.smpp.ssl.SslConfiguration;
import com.cloudhopper.smpp.tlv.Tlv;
import com.cloudhopper.smpp.type.SmppProcessingException;
import com.cloudhopper.smpp.util.TlvUtil;
import io.smppex.interop.support.PeerMc;
import io.smppex.interop.support.Ports;
import io.smppex.interop.support.Queues;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandStatus;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** A Cloudhopper DefaultSmppServer as the MC. It refuses a wrong password with ESME_RBINDFAIL. */
public final class CloudhopperMc implements PeerMc {
    private final DefaultSmppServer server;
    private final int port;
    private final BlockingQueue<BindSeen> binds = new LinkedBlockingQueue<>();
    private final BlockingQueue<SubmitSeen> submits = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<SmppServerSession> sessions = new LinkedBlockingQueue<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile SmppServerSession current;

    public CloudhopperMc(SslConfiguration ssl) {
        port = Ports.free();
        SmppServerConfiguration config = new SmppServerConfiguration();
        config.setHost("127.0.0.1");
        config.setPort(port);
        config.setSystemId("cloudhopper");
        config.setDefaultWindowSize(Cloudhopper.WINDOW);
        config.setJmxEnabled(false);
        config.setNonBlockingSocketsEnabled(true);
        config.setBindTimeout(5_000);
        if (ssl != null) {
            config.setUseSsl(true);
            config.setSslConfiguration(ssl);
        }
        server = new DefaultSmppServer(config, new ServerHandler());
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cloudhopper server did not start: " + e, e);
        }
    }

    private final class ServerHandler implements SmppServerHandler {
        @Override
        public void sessionBindRequested(Long id, SmppSessionConfiguration config, BaseBind bind)
                throws SmppProcessingException {
            config.setLoggingOptions(Cloudhopper.quiet());
            config.setWindowSize(Cloudhopper.WINDOW);
            binds.add(new BindSeen(mode(config.getType()), bind.getSystemId(), bind.getPassword(),
                    bind.getInterfaceVersion() & 0xFF));
            if (!SYSTEM_ID.equals(bind.getSystemId()) || !PASSWORD.equals(bind.getPassword())) {
                throw new SmppProcessingException(SmppConstants.STATUS_BINDFAIL);
            }
        }

        @Override
        public void sessionCreated(Long id, SmppServerSession session, BaseBindResp resp) {
            session.serverReady(new SessionHandler());
            current = session;
            sessions.add(session);
        }

        @Override
        public void sessionDestroyed(Long id, SmppServerSession session) {
            session.destroy();
        }
    }

    private final class SessionHandler extends DefaultSmppSessionHandler {
        @Override
        public PduResponse firePduRequestReceived(PduRequest request) {
            if (request instanceof SubmitSm) {
                SubmitSm s = (SubmitSm) request;
                SubmitSmResp resp = s.createResponse();
                resp.setMessageId("ch-" + ids.incrementAndGet());
                submits.add(new SubmitSeen(s.getSourceAddress().getTon() & 0xFF, s.getSourceAddress().getNpi() & 0xFF,
                        s.getSourceAddress().getAddress(), s.getDestAddress().getTon() & 0xFF,
                        s.getDestAddress().getNpi() & 0xFF, s.getDestAddress().getAddress(), s.getEsmClass() & 0xFF,
                        s.getDataCoding() & 0xFF, s.getRegisteredDelivery() & 0xFF, s.getShortMessage(),
                        resp.getMessageId()));
                return resp;
            }
            if (request instanceof EnquireLink) {
                received.add("enquire_link");
            } else if (request instanceof Unbind) {
                received.add("unbind");
            }
            return request.createResponse();
        }
    }

    private static BindMode mode(SmppBindType t) {
        switch (t) {
            case TRANSMITTER: return BindMode.TRANSMITTER;
            case RECEIVER: return BindMode.RECEIVER;
            default: return BindMode.TRANSCEIVER;
        }
    }

    private SmppServerSession session() {
        if (current == null) {
            current = Queues.take(sessions, "a bound Cloudhopper session");
        }
        return current;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public CommandStatus wrongPasswordStatus() {
        return CommandStatus.ESME_RBINDFAIL;
    }

    @Override
    public BindSeen awaitBind() {
        return Queues.take(binds, "a bind at the Cloudhopper MC");
    }

    @Override
    public SubmitSeen awaitSubmit() {
        return Queues.take(submits, "a submit_sm at the Cloudhopper MC");
    }

    @Override
    public int sendReceipt(Address from, Address to, String text, String receiptedMessageId, int messageState) {
        DeliverSm d = deliverSm(from, to, text);
        d.setEsmClass((byte) 0x04);
        try {
            d.addOptionalParameter(TlvUtil.createNullTerminatedStringTlv(SmppConstants.TAG_RECEIPTED_MSG_ID,
                    receiptedMessageId));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        d.addOptionalParameter(new Tlv(SmppConstants.TAG_MSG_STATE, new byte[] {(byte) messageState}));
        return Cloudhopper.exchange(session(), d).getCommandStatus();
    }

    private static DeliverSm deliverSm(Address from, Address to, String text) {
        DeliverSm d = new DeliverSm();
        d.setSourceAddress(Cloudhopper.address(from));
        d.setDestAddress(Cloudhopper.address(to));
        try {
            d.setShortMessage(text.getBytes(StandardCharsets.ISO_8859_1));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return d;
    }

    @Override
    public int sendEnquireLink() {
        return Cloudhopper.exchange(session(), new EnquireLink()).getCommandStatus();
    }

    @Override
    public void awaitEnquireLink() {
        Queues.takeMatching(received, "enquire_link"::equals, "an enquire_link at the Cloudhopper MC");
    }

    @Override
    public int sendUnbind() {
        return Cloudhopper.exchange(session(), new Unbind()).getCommandStatus();
    }

    @Override
    public void awaitUnbind() {
        Queues.takeMatching(received, "unbind"::equals, "an unbind at the Cloudhopper MC");
    }

    @Override
    public PduSeen sendUnknownCommand(int commandId) {
        return Cloudhopper.seen(Cloudhopper.exchange(session(), new Cloudhopper.UnknownRequest(commandId)));
    }

    @Override
    public int sendDeliverSm(Address from, Address to, String text) {
        return Cloudhopper.exchange(session(), deliverSm(from, to, text)).getCommandStatus();
    }

    @Override
    public void close() {
        server.destroy();
    }
}
