package io.smppex;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.pdu.PduFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * An Mc without a configured authenticator accepts every bind, and says so once, at WARN, when it
 * starts; choosing one (accept-all included) keeps it quiet. The log is captured from this
 * module's test binding (slf4j-simple, which writes to whatever System.err is at the time).
 */
@Timeout(30)
@Isolated
class DefaultAuthenticatorTest {
    private static final String WARNING = "has no BindAuthenticator configured and accepts every bind";

    /** Runs {@code start}, binds once with made-up credentials, and returns what was logged meanwhile. */
    private static String logsOf(Supplier<McOptions.Builder> options, boolean expectBound) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (Mc mc = Mc.start(() -> new SessionHandler() {}, options.get().bindAddress("127.0.0.1").port(0).build())) {
            Throwable failure = Esme.connect("127.0.0.1", mc.port(), new SessionHandler() {},
                    EsmeOptions.builder().bind(PduFactory.bindTransceiver("anyone", "anything")).build())
                    .thenCompose(Session::stop).handle((v, e) -> e).get(10, TimeUnit.SECONDS);
            assertThat(failure == null).as("bound with made-up credentials").isEqualTo(expectBound);
            // A line logged at WARN by this test, so an empty capture cannot pass for "no warning".
            org.slf4j.LoggerFactory.getLogger(DefaultAuthenticatorTest.class).warn("capture works");
        } finally {
            System.setErr(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("capture works");
        return text;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void withoutAnAuthenticatorEveryBindIsAcceptedAndOneWarningIsLoggedAtStart() throws Exception {
        String logs = logsOf(McOptions::builder, true);
        assertThat(count(logs, WARNING)).as("warnings in:%n%s", logs).isEqualTo(1);
        assertThat(logs).contains("WARN io.smppex.Mc");
        assertThat(McOptions.builder().build().authenticatorChosen()).isFalse();
    }

    @Test
    void acceptAllChosenExplicitlyAcceptsEveryBindWithoutTheWarning() throws Exception {
        String logs = logsOf(() -> McOptions.builder().authenticator(BindAuthenticator.acceptAll()), true);
        assertThat(logs).doesNotContain(WARNING);
    }

    @Test
    void aRealAuthenticatorRefusesUnknownAccountsWithoutTheWarning() throws Exception {
        String logs = logsOf(() -> McOptions.builder()
                .authenticator(BindAuthenticator.accounts(java.util.Map.of("user", "secret"))), false);
        assertThat(logs).doesNotContain(WARNING);
    }
}
