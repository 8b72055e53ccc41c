package io.smppex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smppex.pdu.PduFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link McOptions.Builder#maxConnections}: 0 means no limit, as its javadoc says. */
@Timeout(30)
class McConnectionLimitTest {

    @Test
    void zeroMaxConnectionsAcceptsEveryConnection() throws Exception {
        McOptions options = McOptions.builder().bindAddress("127.0.0.1").port(0).maxConnections(0)
                .authenticator(BindAuthenticator.acceptAll()).build();
        assertThat(options.maxConnections()).isZero();
        try (Mc mc = Mc.start(() -> new SessionHandler() {}, options)) {
            List<Session> sessions = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sessions.add(Esme.connect("127.0.0.1", mc.port(), new SessionHandler() {},
                        EsmeOptions.builder().bind(PduFactory.bindTransceiver("esme" + i, "pw")).build())
                        .get(10, TimeUnit.SECONDS));
            }
            assertThat(sessions).allMatch(s -> s.state() == SessionState.BOUND_TRX);
            for (Session s : sessions) {
                s.stop().get(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void theDefaultIsTwentyThousandAndANegativeLimitIsRefused() {
        assertThat(McOptions.builder().build().maxConnections()).isEqualTo(20_000);
        assertThatThrownBy(() -> McOptions.builder().maxConnections(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 for no limit");
    }
}
