package io.smppex.robustness.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.Session;
import io.smppex.SessionOptions;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.field.CommandId;
import io.smppex.robustness.support.LeakCheck;
import io.smppex.robustness.support.Logs;
import io.smppex.robustness.support.RawPeer;
import io.smppex.robustness.support.TestMc;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.event.Level;

/**
 * McOptions.maxConnections and maxConnectionsPerAddress: the connection over the limit is closed at
 * once (long before the 60 s session_init_limit could explain it), the others keep working, and a
 * freed slot is usable again. 127.0.0.1 and 127.0.0.2 serve as two addresses: Linux loopback
 * accepts both, and each client socket binds its local address explicitly.
 */
@Timeout(60)
@ExtendWith(LeakCheck.class)
class ConnectionLimitsTest {
    private TestMc mc;
    private final List<RawPeer> peers = new ArrayList<>();

    @AfterEach
    void stop() {
        peers.forEach(RawPeer::close);
        if (mc != null) {
            mc.close();
        }
    }

    private RawPeer connect(String from) {
        RawPeer p = RawPeer.connect(from, mc.port(), 5_000);
        peers.add(p);
        return p;
    }

    /** Accepted and served: an enquire_link (allowed before bind) is answered. */
    private static void assertServed(RawPeer p, int seq) {
        p.write(PduFactory.enquireLink().withSequenceNumber(seq));
        Pdu resp = p.read();
        assertThat(resp.commandId()).isEqualTo(CommandId.ENQUIRE_LINK_RESP);
        assertThat(resp.sequenceNumber()).isEqualTo(seq);
    }

    private Session serverSessionOf(RawPeer p) {
        int port = p.socket().getLocalPort();
        return mc.mc.sessions().stream().filter(s -> ((InetSocketAddress) s.remoteAddress()).getPort() == port)
                .findFirst().orElseThrow();
    }

    @Test
    void connectionOverMaxConnectionsIsClosedAtOnce() throws Exception {
        mc = TestMc.start(b -> b.maxConnections(3)
                .session(SessionOptions.builder().sessionInitLimit(Duration.ofSeconds(60)).build()));
        for (int i = 0; i < 3; i++) {
            assertServed(connect(i == 0 ? "127.0.0.1" : "127.0.0.2"), 1);
        }
        try (Logs.Capture logs = Logs.capture(Level.WARN)) {
            RawPeer extra = connect("127.0.0.3");
            assertThat(extra.awaitEnd()).as("the fourth connection").isEqualTo(RawPeer.End.EOF);
            assertThat(logs.text()).contains("3 connections is the maximum");
        }
        for (int i = 0; i < 3; i++) {
            assertServed(peers.get(i), 2);
        }
        // Free a slot: once the server has seen the close, a new connection is accepted.
        Session first = serverSessionOf(peers.get(0));
        peers.get(0).close();
        first.closeFuture().get(10, TimeUnit.SECONDS);
        assertServed(connect("127.0.0.3"), 1);
    }

    @Test
    void connectionOverMaxConnectionsPerAddressIsClosedAtOnceOthersAreNot() throws Exception {
        mc = TestMc.start(b -> b.maxConnectionsPerAddress(2)
                .session(SessionOptions.builder().sessionInitLimit(Duration.ofSeconds(60)).build()));
        RawPeer a1 = connect("127.0.0.2");
        RawPeer a2 = connect("127.0.0.2");
        assertServed(a1, 1);
        assertServed(a2, 1);
        try (Logs.Capture logs = Logs.capture(Level.WARN)) {
            RawPeer a3 = connect("127.0.0.2");
            assertThat(a3.awaitEnd()).as("the third connection from 127.0.0.2").isEqualTo(RawPeer.End.EOF);
            assertThat(logs.text()).contains("refusing connection from /127.0.0.2")
                    .contains("2 connections per address is the maximum");
        }
        // another address has its own allowance
        assertServed(connect("127.0.0.1"), 1);
        assertServed(connect("127.0.0.1"), 1);
        assertServed(a1, 2);
        // and 127.0.0.2 gets its slot back when one of its connections ends
        Session s1 = serverSessionOf(a1);
        a1.close();
        s1.closeFuture().get(10, TimeUnit.SECONDS);
        assertServed(connect("127.0.0.2"), 1);
    }
}
