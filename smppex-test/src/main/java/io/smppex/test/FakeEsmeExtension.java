package io.smppex.test;

import io.smppex.pdu.Bind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The JUnit 5 extension for teams that build an MC: it binds {@link FakeEsme}s to their server on
 * request and closes them after the test (or, for those bound in {@code @BeforeAll}, after the class).
 * Tests that share one extension and run in parallel each close only their own: an ESME belongs to
 * the test on whose thread it was bound (or, bound on another thread, to the one test running then;
 * with several running, to the class).
 *
 * <pre>{@code
 * @RegisterExtension
 * final FakeEsmeExtension esmes = FakeEsmeExtension.create();
 *
 * @Test
 * void answersSubmits() {
 *     FakeEsme esme = esmes.bind("127.0.0.1", myMc.port(), PduFactory.bindTransceiver("user", "pw"));
 *     assertEquals(CommandStatus.ESME_ROK, esme.submit("Shop", "447700900123", "Hi").status());
 * }
 * }</pre>
 */
public final class FakeEsmeExtension implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    private final Duration timeout;
    /** Each running test's ESMEs, by the test's thread (JUnit runs a test and its callbacks on one thread); guarded by this. */
    private final Map<Thread, List<FakeEsme>> perTest = new HashMap<>();
    private final List<FakeEsme> classLevel = new ArrayList<>();

    private FakeEsmeExtension(Duration timeout) {
        this.timeout = timeout;
    }

    /** @return an extension whose binds and waits last up to 5 s */
    public static FakeEsmeExtension create() {
        return withTimeout(Duration.ofSeconds(5));
    }

    /**
     * @param timeout how long binds and waits of its ESMEs last
     * @return the extension
     */
    public static FakeEsmeExtension withTimeout(Duration timeout) {
        return new FakeEsmeExtension(Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Connects and binds a fake ESME, closed at the end of the test.
     *
     * @param host the MC's address (loopback in tests)
     * @param port its port
     * @param bind the bind to send
     * @return the bound ESME
     * @throws AssertionError if the bind failed or timed out
     */
    public FakeEsme bind(String host, int port, Bind bind) {
        FakeEsme esme = FakeEsme.bind(host, port, bind, timeout);
        synchronized (this) {
            List<FakeEsme> owner = perTest.get(Thread.currentThread());
            if (owner == null && perTest.size() == 1) {
                owner = perTest.values().iterator().next();
            }
            (owner != null ? owner : classLevel).add(esme);
        }
        return esme;
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        perTest.put(Thread.currentThread(), new ArrayList<>());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<FakeEsme> mine;
        synchronized (this) {
            mine = perTest.remove(Thread.currentThread());
        }
        if (mine != null) {
            closeAll(mine);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        closeAll(classLevel);
    }

    private void closeAll(List<FakeEsme> list) {
        List<FakeEsme> toClose;
        synchronized (this) {
            toClose = new ArrayList<>(list);
            list.clear();
        }
        for (FakeEsme esme : toClose) {
            esme.close();
        }
    }
}
