package io.smppex.interop.peers;

import io.smppex.interop.support.FrameTap;
import io.smppex.interop.support.PeerEsme;
import io.smppex.interop.support.PeerMc.PduSeen;
import io.smppex.interop.support.Queues;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import javax.net.ssl.SSLContext;
import org.jsmpp.DefaultPDUSender;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.EnquireLink;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.SendCommandTask;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitSmResult;

/** jSMPP's SMPPSession as the ESME, on a loopback socket (plain or TLS) with a tap on what it reads. */
public final class JsmppEsme implements PeerEsme {
    private static final int RAW_SEQUENCE = 0x7000_0001;

    private final int port;
    private final BlockingQueue<DeliverSeen> delivers = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final Client session;
    private JsmppTap connection;

    /** {@code tls} null for plain TCP. */
    public JsmppEsme(int port, SSLContext tls) {
        this.port = port;
        session = new Client((host, p) -> {
            Socket s = tls == null ? new Socket(InetAddress.getLoopbackAddress(), p)
                    : tls.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), p);
            connection = new JsmppTap(s);
            return connection;
        });
        session.setTransactionTimer(10_000);
        session.setMessageReceiverListener(new Listener());
        session.addSessionStateListener((newState, oldState, source) -> {
            if (newState == SessionState.UNBOUND) {
                received.add("unbind");
            }
        });
    }

    /** SMPPSession with its protected enquire_link opened up for the test. */
    private static final class Client extends SMPPSession {
        Client(org.jsmpp.session.connection.ConnectionFactory f) {
            super(f);
        }

        void enquireLink() {
            try {
                sendEnquireLink();
            } catch (Exception e) {
                throw new AssertionError("jSMPP enquire_link failed: " + e, e);
            }
        }

        OutputStream out() {
            return connection().getOutputStream();
        }
    }

    private final class Listener implements MessageReceiverListener {
        @Override
        public void onAcceptDeliverSm(DeliverSm d) throws ProcessRequestException {
            String id = null;
            Integer state = null;
            String parsedId = null;
            String parsedStat = null;
            OptionalParameter idTlv = d.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
            if (idTlv instanceof OptionalParameter.OctetString) {
                id = ((OptionalParameter.OctetString) idTlv).getValueAsString();
            }
            OptionalParameter stateTlv = d.getOptionalParameter(OptionalParameter.Tag.MESSAGE_STATE);
            if (stateTlv instanceof OptionalParameter.Byte) {
                state = ((OptionalParameter.Byte) stateTlv).getValue() & 0xFF;
            }
            if ((d.getEsmClass() & 0x3C) == 0x04) {
                try {
                    DeliveryReceipt r = d.getShortMessageAsDeliveryReceipt();
                    parsedId = r.getId();
                    parsedStat = r.getFinalStatus().name();
                } catch (Exception e) {
                    parsedStat = "unparsable: " + e;
                }
            }
            delivers.add(new DeliverSeen(d.getSourceAddrTon() & 0xFF, d.getSourceAddrNpi() & 0xFF, d.getSourceAddr(),
                    d.getDestAddrTon() & 0xFF, d.getDestAddrNpi() & 0xFF, d.getDestAddress(), d.getEsmClass() & 0xFF,
                    d.getDataCoding() & 0xFF, d.getShortMessage(), id, state, parsedId, parsedStat));
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification a) {
            received.add("alert_notification");
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm d, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptEnquireLink(EnquireLink e, Session source) {
            received.add("enquire_link");
        }
    }

    @Override
    public BindResult bind(BindMode mode, String systemId, String password) {
        BindType type = mode == BindMode.TRANSMITTER ? BindType.BIND_TX
                : mode == BindMode.RECEIVER ? BindType.BIND_RX : BindType.BIND_TRX;
        try {
            String mcSystemId = session.connectAndBind("127.0.0.1", port, new BindParameter(type, systemId, password, "",
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 10_000);
            return new BindResult(0, mcSystemId);
        } catch (IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof NegativeResponseException) {
                    return new BindResult(((NegativeResponseException) t).getCommandStatus(), null);
                }
            }
            throw new AssertionError("jSMPP could not bind: " + e, e);
        }
    }

    @Override
    public SubmitResult submit(Address from, Address to, int dataCoding, byte[] shortMessage) {
        try {
            SubmitSmResult r = session.submitShortMessage("", TypeOfNumber.valueOf((byte) from.ton()),
                    NumberingPlanIndicator.valueOf((byte) from.npi()), from.address(),
                    TypeOfNumber.valueOf((byte) to.ton()), NumberingPlanIndicator.valueOf((byte) to.npi()), to.address(),
                    new ESMClass(0), (byte) 0, (byte) 0, null, null, new RegisteredDelivery(0), (byte) 0,
                    DataCodings.newInstance((byte) dataCoding), (byte) 0, shortMessage);
            return new SubmitResult(0, r.getMessageId());
        } catch (NegativeResponseException e) {
            return new SubmitResult(e.getCommandStatus(), null);
        } catch (Exception e) {
            throw new AssertionError("jSMPP submit failed: " + e, e);
        }
    }

    @Override
    public DeliverSeen awaitDeliverSm() {
        return Queues.take(delivers, "a deliver_sm at the jSMPP ESME");
    }

    @Override
    public int sendEnquireLink() {
        session.enquireLink();
        return 0;
    }

    @Override
    public void awaitEnquireLink() {
        Queues.takeMatching(received, "enquire_link"::equals, "an enquire_link at the jSMPP ESME");
    }

    @Override
    public int sendUnbind() {
        try {
            session.unbind();
            return 0;
        } catch (IOException e) {
            throw new AssertionError("jSMPP unbind failed: " + e, e);
        }
    }

    @Override
    public void awaitUnbind() {
        Queues.takeMatching(received, "unbind"::equals, "an unbind at the jSMPP ESME");
    }

    /** jSMPP has no API for an arbitrary command, so its own PDU writer puts a bare header on its socket. */
    @Override
    public PduSeen sendUnknownCommand(int commandId) {
        SendCommandTask task = new SendCommandTask() {
            @Override
            public void executeTask(OutputStream out, int sequenceNumber) throws IOException {
                new DefaultPDUSender().sendHeader(out, commandId, 0, sequenceNumber);
            }

            @Override
            public String getCommandName() {
                return "unknown_command";
            }
        };
        try {
            synchronized (session.out()) {
                task.executeTask(session.out(), RAW_SEQUENCE);
            }
        } catch (IOException | org.jsmpp.PDUException e) {
            throw new AssertionError(e);
        }
        byte[] f = connection.tap.await(x -> FrameTap.sequence(x) == RAW_SEQUENCE, "an answer to the unknown command");
        return new PduSeen(FrameTap.commandId(f), FrameTap.status(f), FrameTap.sequence(f));
    }

    /** jSMPP checks the bind type itself and will not send submit_sm on a receiver session. */
    @Override
    public boolean sendsSubmitOnReceiver() {
        return false;
    }

    @Override
    public void close() {
        session.close();
    }
}
