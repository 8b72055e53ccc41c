package io.smppex;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.pdu.PduCodec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The defaults the builders' javadoc states (and SessionOptions' table, and the README's
 * "Decisions worth knowing"), so that a changed default fails here until the docs say it too.
 */
class OptionsDefaultsTest {

    @Test
    void sessionOptionsDefaultsAreTheDocumentedOnes() {
        SessionOptions o = SessionOptions.builder().build();
        assertThat(o.windowSize()).isEqualTo(64);
        assertThat(o.windowFullPolicy()).isEqualTo(SessionOptions.WindowFullPolicy.QUEUE);
        assertThat(o.maxQueued()).isEqualTo(4096);
        assertThat(o.inboundWindow()).isEqualTo(1024);
        assertThat(o.enquireLinkLimit()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.enquireLinkRespLimit()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.sessionInitLimit()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.inactivityLimit()).isZero();
        assertThat(o.responseLimit()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.bindResponseLimit()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.unbindResponseLimit()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.codec()).isSameAs(PduCodec.defaults());
        assertThat(o.autoEnquireLinkResp()).isTrue();
        assertThat(o.autoUnbindResp()).isTrue();
        assertThat(o.autoGenericNack()).isTrue();
        assertThat(o.enforceBindState()).isTrue();
        assertThat(o.showEnginePdus()).isFalse();
        assertThat(SessionOptions.defaults().windowSize()).isEqualTo(64);
    }

    @Test
    void aNullOrZeroTimerIsOff() {
        SessionOptions o = SessionOptions.builder().enquireLinkLimit(null).responseLimit(Duration.ZERO).build();
        assertThat(o.enquireLinkLimit()).isZero();
        assertThat(o.responseLimit()).isZero();
    }

    @Test
    void mcOptionsDefaultsAreTheDocumentedOnes() {
        McOptions o = McOptions.builder().build();
        assertThat(o.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(o.port()).isEqualTo(2775);
        assertThat(o.maxConnections()).isEqualTo(20_000);
        assertThat(o.maxConnectionsPerAddress()).isZero();
        assertThat(o.systemId()).isEqualTo("smppex");
        assertThat(o.scInterfaceVersion()).isEqualTo(0x34);
        assertThat(o.tls()).isEmpty();
        assertThat(o.workerThreads()).isZero();
        assertThat(o.shutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.proxyProtocol()).isFalse();
        assertThat(o.proxyProtocolTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.session().windowSize()).isEqualTo(SessionOptions.defaults().windowSize());
    }

    @Test
    void esmeOptionsDefaultsAreTheDocumentedOnes() {
        EsmeOptions o = EsmeOptions.builder().build();
        assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.tls()).isEmpty();
        assertThat(o.listener()).isEmpty();
        assertThat(o.pacing()).isEmpty();
        assertThat(o.bind()).isEmpty();
        assertThat(o.session().windowSize()).isEqualTo(SessionOptions.defaults().windowSize());
    }
}
