package io.smppex.interop.peers;

import io.smppex.interop.support.FrameTap;
import io.smppex.interop.support.PeerMc;
import io.smppex.interop.support.Queues;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.CommandStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SendCommandTask;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

/**
 * A jSMPP SMPPServerSession as the MC, one per accepted connection, exactly as
 * SMPPServerSessionListener would make it but on a loopback socket we choose (plain or TLS). It
 * refuses a wrong password with ESME_RINVPASWD.
 */
public final class JsmppMc implements PeerMc {
    /** Far above anything jSMPP's own counter reaches in a test, so raw PDUs never collide with it. */
    private static final int RAW_SEQUENCE = 0x7000_0001;
    private final ServerSocket listener;
    private final BlockingQueue<BindSeen> binds = new LinkedBlockingQueue<>();
    private final BlockingQueue<SubmitSeen> submits = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<ServerSession> sessions = new LinkedBlockingQueue<>();
    private final AtomicInteger ids = new AtomicInteger(0x10000);
    private volatile ServerSession current;

    /** {@code tls} null for plain TCP. */
    public JsmppMc(SSLContext tls) {
        try {
            listener = tls == null ? new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
                    : tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread t = new Thread(this::acceptLoop, "jsmpp-mc-accept");
        t.setDaemon(true);
        t.start();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                return;
            }
            Thread t = new Thread(() -> serve(s), "jsmpp-mc-bind");
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket socket) {
        try {
            ServerSession session = new ServerSession(new JsmppTap(socket));
            BindRequest bind = session.waitForBind(5_000);
            binds.add(new BindSeen(mode(bind.getBindType()), bind.getSystemId(), bind.getPassword(),
                    bind.getInterfaceVersion().value() & 0xFF));
            if (SYSTEM_ID.equals(bind.getSystemId()) && PASSWORD.equals(bind.getPassword())) {
                bind.accept("jsmpp");
                current = session;
                sessions.add(session);
            } else {
                bind.reject(CommandStatus.ESME_RINVPASWD.code());
            }
        } catch (Exception e) {
            // a refused or abandoned connection: the test looking for it will say so
            received.add("serve failed: " + e);
        }
    }

    private static BindMode mode(BindType t) {
        switch (t) {
            case BIND_TX: return BindMode.TRANSMITTER;
            case BIND_RX: return BindMode.RECEIVER;
            default: return BindMode.TRANSCEIVER;
        }
    }

    /** SMPPServerSession with its protected raw-send facility opened up for the test. */
    private final class ServerSession extends SMPPServerSession {
        final FrameTap tap;

        ServerSession(JsmppTap connection) {
            super(connection, (newState, oldState, source) -> {
                if (newState == SessionState.UNBOUND) {
                    received.add("unbind");
                }
            }, new Receiver(), null, 3, 100);
            tap = connection.tap;
        }

        /**
         * Writes one PDU straight to the socket with a sequence number of our own and reads the
         * answer off the tap, bypassing jSMPP's pending-response table.
         */
        byte[] writeAndAwait(int sequence, SendCommandTask task) {
            try {
                synchronized (connection().getOutputStream()) {
                    task.executeTask(connection().getOutputStream(), sequence);
                }
            } catch (Exception e) {
                throw new AssertionError("jSMPP could not write " + task.getCommandName() + ": " + e, e);
            }
            return tap.await(f -> FrameTap.sequence(f) == sequence && (FrameTap.commandId(f) & 0x80000000) != 0,
                    "a response to " + task.getCommandName() + " seq " + sequence);
        }

        void enquireLink() {
            try {
                sendEnquireLink();
            } catch (Exception e) {
                throw new AssertionError("jSMPP enquire_link failed: " + e, e);
            }
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm s, SMPPServerSession source) throws ProcessRequestException {
            String id = Integer.toHexString(ids.incrementAndGet());
            submits.add(new SubmitSeen(s.getSourceAddrTon() & 0xFF, s.getSourceAddrNpi() & 0xFF, s.getSourceAddr(),
                    s.getDestAddrTon() & 0xFF, s.getDestAddrNpi() & 0xFF, s.getDestAddress(), s.getEsmClass() & 0xFF,
                    s.getDataCoding() & 0xFF, s.getRegisteredDelivery() & 0xFF, s.getShortMessage(), id));
            try {
                return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
            } catch (Exception e) {
                throw new ProcessRequestException(e.toString(), CommandStatus.ESME_RSYSERR.code());
            }
        }

        @Override
        public void onAcceptEnquireLink(org.jsmpp.bean.EnquireLink enquireLink, Session source) {
            received.add("enquire_link");
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti s, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", CommandStatus.ESME_RINVCMDID.code());
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm q, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", CommandStatus.ESME_RINVCMDID.code());
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm r, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", CommandStatus.ESME_RINVCMDID.code());
        }

        @Override
        public void onAcceptCancelSm(CancelSm c, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", CommandStatus.ESME_RINVCMDID.code());
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(org.jsmpp.bean.BroadcastSm b, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", CommandStatus.ESME_RINVCMDID.code());
        }

        @Override
        public void onAcceptCancelBroadcastSm(org.jsmpp.bean.CancelBroadcastSm c, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", CommandStatus.ESME_RINVCMDID.code());
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(org.jsmpp.bean.QueryBroadcastSm q, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", CommandStatus.ESME_RINVCMDID.code());
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm d, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", CommandStatus.ESME_RINVCMDID.code());
        }
    }

    private ServerSession session() {
        if (current == null) {
            current = Queues.take(sessions, "a bound jSMPP session");
        }
        return current;
    }

    @Override
    public int port() {
        return listener.getLocalPort();
    }

    @Override
    public CommandStatus wrongPasswordStatus() {
        return CommandStatus.ESME_RINVPASWD;
    }

    @Override
    public BindSeen awaitBind() {
        return Queues.take(binds, "a bind at the jSMPP MC");
    }

    @Override
    public SubmitSeen awaitSubmit() {
        return Queues.take(submits, "a submit_sm at the jSMPP MC");
    }

    @Override
    public int sendReceipt(Address from, Address to, String text, String receiptedMessageId, int messageState) {
        try {
            session().deliverShortMessage("", TypeOfNumber.valueOf((byte) from.ton()),
                    NumberingPlanIndicator.valueOf((byte) from.npi()), from.address(),
                    TypeOfNumber.valueOf((byte) to.ton()), NumberingPlanIndicator.valueOf((byte) to.npi()), to.address(),
                    new ESMClass(0x04), (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO,
                    text.getBytes(StandardCharsets.ISO_8859_1),
                    new OptionalParameter.COctetString(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code(), receiptedMessageId),
                    new OptionalParameter.Byte(OptionalParameter.Tag.MESSAGE_STATE, (byte) messageState));
            return 0;
        } catch (NegativeResponseException e) {
            return e.getCommandStatus();
        } catch (Exception e) {
            throw new AssertionError("jSMPP deliver_sm failed: " + e, e);
        }
    }

    @Override
    public int sendEnquireLink() {
        session().enquireLink();
        return 0;
    }

    @Override
    public void awaitEnquireLink() {
        Queues.takeMatching(received, "enquire_link"::equals, "an enquire_link at the jSMPP MC");
    }

    @Override
    public int sendUnbind() {
        try {
            session().unbind();
            return 0;
        } catch (IOException e) {
            throw new AssertionError("jSMPP unbind failed: " + e, e);
        }
    }

    @Override
    public void awaitUnbind() {
        Queues.takeMatching(received, "unbind"::equals, "an unbind at the jSMPP MC");
    }

    @Override
    public PduSeen sendUnknownCommand(int commandId) {
        byte[] resp = session().writeAndAwait(RAW_SEQUENCE, new SendCommandTask() {
            @Override
            public void executeTask(java.io.OutputStream out, int sequenceNumber) throws IOException {
                new org.jsmpp.DefaultPDUSender().sendHeader(out, commandId, 0, sequenceNumber);
            }

            @Override
            public String getCommandName() {
                return "unknown_command";
            }
        });
        return new PduSeen(FrameTap.commandId(resp), FrameTap.status(resp), FrameTap.sequence(resp));
    }

    @Override
    public int sendDeliverSm(Address from, Address to, String text) {
        // jSMPP's deliverShortMessage refuses a transmitter session locally, so write the PDU
        // ourselves. jSMPP would not pass the answer on either: its transmitter-state session
        // rejects an incoming deliver_sm_resp by answering it with a deliver_sm_resp of its own
        // (ESME_RINVBNDSTS), so read the answer off the tap.
        byte[] resp = session().writeAndAwait(RAW_SEQUENCE, new SendCommandTask() {
            @Override
            public void executeTask(java.io.OutputStream out, int sequenceNumber) throws IOException {
                try {
                    new org.jsmpp.DefaultPDUSender().sendDeliverSm(out, sequenceNumber, "",
                            TypeOfNumber.valueOf((byte) from.ton()), NumberingPlanIndicator.valueOf((byte) from.npi()),
                            from.address(), TypeOfNumber.valueOf((byte) to.ton()),
                            NumberingPlanIndicator.valueOf((byte) to.npi()), to.address(), new ESMClass(0), (byte) 0,
                            (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO,
                            text.getBytes(StandardCharsets.ISO_8859_1));
                } catch (org.jsmpp.PDUStringException e) {
                    throw new IOException(e);
                }
            }

            @Override
            public String getCommandName() {
                return "deliver_sm";
            }
        });
        return FrameTap.status(resp);
    }

    @Override
    public void close() {
        ServerSession s = current;
        if (s != null) {
            s.close();
        }
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
