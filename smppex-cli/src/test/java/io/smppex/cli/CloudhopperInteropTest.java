package io.smppex.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.pdu.SubmitSmResp;
import com.cloudhopper.smpp.tlv.Tlv;
import com.cloudhopper.smpp.type.SmppProcessingException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * smppsend against Cloudhopper's SMSC, an independent implementation: bind refusal, submit with
 * TLVs and a long UCS-2 text, and a receipt Cloudhopper builds itself matched by --wait-dlrs.
 */
@Timeout(60)
class CloudhopperInteropTest {
    private DefaultSmppServer server;
    private ExecutorService receipts;
    private int port;
    private final List<SubmitSm> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        receipts = Executors.newSingleThreadExecutor();
        SmppServerConfiguration cfg = new SmppServerConfiguration();
        cfg.setHost("127.0.0.1");
        cfg.setPort(port);
        cfg.setSystemId("cloudhopper");
        cfg.setMaxConnectionSize(10);
        cfg.setNonBlockingSocketsEnabled(true);
        cfg.setDefaultWindowSize(10);
        cfg.setDefaultWindowWaitTimeout(10_000);
        cfg.setDefaultRequestExpiryTimeout(10_000);
        cfg.setDefaultWindowMonitorInterval(5_000);
        cfg.setJmxEnabled(false);
        server = new DefaultSmppServer(cfg, new SmppServerHandler() {
            @Override
            public void sessionBindRequested(Long id, SmppSessionConfiguration sc, BaseBind bind) throws SmppProcessingException {
                if (!"secret".equals(bind.getPassword())) {
                    throw new SmppProcessingException(SmppConstants.STATUS_INVPASWD, null);
                }
                sc.setWindowSize(10);
            }

            @Override
            public void sessionCreated(Long id, SmppServerSession session, BaseBindResp resp) {
                session.serverReady(new DefaultSmppSessionHandler() {
                    @Override
                    public PduResponse firePduRequestReceived(PduRequest req) {
                        if (!(req instanceof SubmitSm)) {
                            return req.createResponse();
                        }
                        SubmitSm sm = (SubmitSm) req;
                        received.add(sm);
                        String messageId = "ch-" + ids.incrementAndGet();
                        SubmitSmResp r = sm.createResponse();
                        r.setMessageId(messageId);
                        if ((sm.getRegisteredDelivery() & 0x03) != 0) {
                            receipts.submit(() -> {
                                DeliverSm d = new DeliverSm();
                                d.setSourceAddress(sm.getDestAddress());
                                d.setDestAddress(sm.getSourceAddress());
                                d.setEsmClass((byte) 0x04);
                                d.setShortMessage(("id:" + messageId + " sub:001 dlvrd:001 submit date:2401151030 "
                                        + "done date:2401151031 stat:DELIVRD err:000 text:").getBytes(StandardCharsets.US_ASCII));
                                d.addOptionalParameter(new Tlv(SmppConstants.TAG_RECEIPTED_MSG_ID,
                                        (messageId + "\0").getBytes(StandardCharsets.US_ASCII)));
                                d.addOptionalParameter(new Tlv(SmppConstants.TAG_MSG_STATE, new byte[] {2}));
                                session.sendRequestPdu(d, 10_000, false);
                                return null;
                            });
                        }
                        return r;
                    }
                });
            }

            @Override
            public void sessionDestroyed(Long id, SmppServerSession session) {
                session.destroy();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
        server.destroy();
        receipts.shutdownNow();
    }

    @Test
    void submitWithReceiptMatchedByWaitDlrs() {
        Cli.Result r = Cli.smppsend("--port", Integer.toString(port), "--system-id", "u", "--password", "secret",
                "--bind-mode", "trx", "--submit-sm", "--source-addr", "Shop", "--dest-addr", "447700900123",
                "--short-message", "hello cloudhopper", "--registered-delivery", "1", "--wait-dlrs", "10000",
                "--tlv-user_message_reference-i2", "77");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.outLines()).containsSubsequence("bound: trx to 127.0.0.1:" + port + " as 'u' (MC system_id 'cloudhopper')",
                "submitted: message_id ch-1", "receipt: message_id ch-1 stat DELIVRD err 000", "receipts: all 1 received");
        SubmitSm sm = received.get(0);
        assertThat(new String(sm.getShortMessage(), StandardCharsets.ISO_8859_1)).isEqualTo("hello cloudhopper");
        assertThat(sm.getDestAddress().getAddress()).isEqualTo("447700900123");
        assertThat(sm.getOptionalParameter(SmppConstants.TAG_USER_MESSAGE_REFERENCE).getValue()).containsExactly(0, 77);
    }

    @Test
    void longUcs2TextArrivesAsConcatenatedParts() {
        String text = "Привет, ".repeat(20); // 160 UCS-2 units: 3 parts of at most 67
        Cli.Result r = Cli.smppsend("--port", Integer.toString(port), "--system-id", "u", "--password", "secret",
                "--submit-sm", "--dest-addr", "447700900123", "--short-message", text);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(received).hasSize(3);
        StringBuilder joined = new StringBuilder();
        for (SubmitSm sm : received) {
            assertThat(sm.getDataCoding()).isEqualTo((byte) 8);
            assertThat(sm.getEsmClass() & 0x40).isEqualTo(0x40);
            byte[] b = sm.getShortMessage();
            int udhl = b[0] + 1;
            joined.append(new String(b, udhl, b.length - udhl, StandardCharsets.UTF_16BE));
        }
        assertThat(joined).hasToString(text);
    }

    @Test
    void refusedBindExitsFour() {
        Cli.Result r = Cli.smppsend("--port", Integer.toString(port), "--system-id", "u", "--password", "nope");
        assertThat(r.code()).isEqualTo(ExitCodes.BIND);
        assertThat(r.err().strip()).isEqualTo("bind failed: ESME_RINVPASWD (0x0000000E) invalid password");
    }
}
