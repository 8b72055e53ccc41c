package io.smppex.test;

import io.smppex.EsmeOptions;
import io.smppex.pdu.Bind;
import io.smppex.pdu.field.MessageState;
import io.smppex.sim.Mo;
import io.smppex.sim.SessionSnapshot;
import io.smppex.sim.SmppSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension: a simulated MC ({@link SmppSim}, on an {@link SmppSimulator}) on a free
 * loopback port for each test, closed after it; or, with {@link Builder#perClass()}, one for the
 * test class, {@link SmppSim#reset() reset} before each test. A test method (or a
 * {@code @BeforeEach} method) gets it as a parameter of type {@link SmppSim}, or the simulator
 * itself as one of type {@link SmppSimulator}.
 *
 * <pre>{@code
 * @RegisterExtension
 * final SmppSimExtension mc = SmppSimExtension.create();
 * }</pre>
 *
 * <p>The extension is an {@link SmppSim} itself, standing for the simulator of the running test.
 * Tests may run in parallel ({@code junit.jupiter.execution.parallel.enabled}) whichever way the
 * extension is registered: on a test's own thread it stands for that test's simulator, even when
 * one extension (in a static field, or in a class with one instance for all its tests) serves
 * tests that run at once. Only from other threads, while several of its tests run, does it not
 * know which is meant, and it says so. The tests of a class that shares one simulator
 * ({@link Builder#perClass()}) run one at a time, since each resets it. {@link SmppSimulatorTest}
 * registers it with an annotation.
 */
public final class SmppSimExtension implements SmppSim, BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback, ParameterResolver {

    private final SmppSimBuilder settings;
    private final boolean perClass;
    private final boolean fromAnnotation;
    private volatile SmppSim current;
    /** The simulator of the test running on this thread: JUnit runs a test and its callbacks on one thread. */
    private final ThreadLocal<SmppSim> onThisThread = new ThreadLocal<>();
    /** The simulators of the tests running now, to tell when a call off their threads is ambiguous. */
    private final Set<SmppSim> running = ConcurrentHashMap.newKeySet();
    /** Held by the running test of a class that shares one simulator: a reset must not hit another's stubs. */
    private final Semaphore shared = new Semaphore(1, true);
    private final ThreadLocal<Boolean> holdsShared = new ThreadLocal<>();

    /** Registered by {@link SmppSimulatorTest}, which gives the settings. */
    public SmppSimExtension() {
        this(new SmppSimBuilder(), false, true);
    }

    private SmppSimExtension(SmppSimBuilder settings, boolean perClass, boolean fromAnnotation) {
        this.settings = settings;
        this.perClass = perClass;
        this.fromAnnotation = fromAnnotation;
    }

    /** @return an extension with the defaults: a simulator per test, account test/secret, waits of 5 s */
    public static SmppSimExtension create() {
        return builder().build();
    }

    /** @return a builder, for accounts, timeouts and a simulator per class */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings of the extension. */
    public static final class Builder {
        private final SmppSimBuilder settings = new SmppSimBuilder();
        private boolean perClass;

        private Builder() {
        }

        /**
         * @param systemId an account's system_id; the first is what {@link SmppSim#esmeOptions()} binds with
         * @param password its password
         * @return this builder
         */
        public Builder account(String systemId, String password) {
            settings.account(systemId, password);
            return this;
        }

        /**
         * @param timeout how long waits last unless told; 5 s by default
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            settings.timeout(timeout);
            return this;
        }

        /**
         * @param simulator more settings of the simulator (see {@link SmppSimBuilder#simulator})
         * @return this builder
         */
        public Builder simulator(Consumer<SmppSimulator.Builder> simulator) {
            settings.simulator(simulator);
            return this;
        }

        /**
         * One simulator for the whole class (register the extension in a static field), reset
         * before each test; it keeps its port and bound sessions.
         *
         * @return this builder
         */
        public Builder perClass() {
            this.perClass = true;
            return this;
        }

        /** @return the extension, to register with {@code @RegisterExtension} */
        public SmppSimExtension build() {
            return new SmppSimExtension(settings, perClass, false);
        }
    }

    private ExtensionContext.Namespace namespace() {
        return ExtensionContext.Namespace.create(SmppSimExtension.class, System.identityHashCode(this));
    }

    private record Setup(SmppSimBuilder settings, boolean perClass) {
    }

    private Setup setup(ExtensionContext context) {
        if (!fromAnnotation) {
            return new Setup(settings, perClass);
        }
        Optional<SmppSimulatorTest> a = context.getTestClass()
                .flatMap(c -> AnnotationSupport.findAnnotation(c, SmppSimulatorTest.class));
        SmppSimBuilder b = new SmppSimBuilder();
        boolean shared = false;
        if (a.isPresent()) {
            for (String account : a.get().accounts()) {
                int colon = account.indexOf(':');
                if (colon < 1) {
                    throw new IllegalArgumentException("@SmppSimulatorTest accounts are \"system_id:password\", not \""
                            + account + "\"");
                }
                b.account(account.substring(0, colon), account.substring(colon + 1));
            }
            b.timeout(Duration.ofMillis(a.get().timeoutMillis()));
            shared = a.get().perClass();
        }
        return new Setup(b, shared);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Setup s = setup(context);
        if (s.perClass) {
            SmppSim sim = s.settings.start();
            context.getStore(namespace()).put("sim", sim);
            current = sim;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws InterruptedException {
        Setup s = setup(context);
        SmppSim sim;
        if (s.perClass) {
            sim = find(context).orElseThrow(() -> new IllegalStateException(
                    "a per-class SmppSimExtension must be registered in a static field"));
            // Parallel tests of the class take turns here; afterEach, which JUnit runs even when this
            // throws, lets the next one in.
            shared.acquire();
            holdsShared.set(Boolean.TRUE);
            sim.reset();
        } else {
            sim = s.settings.start();
            context.getStore(namespace()).put("sim", sim);
        }
        onThisThread.set(sim);
        running.add(sim);
        current = sim;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        SmppSim mine = onThisThread.get();
        onThisThread.remove();
        if (mine != null) {
            running.remove(mine);
        }
        try {
            SmppSim sim = context.getStore(namespace()).remove("sim", SmppSim.class);
            if (sim != null) {
                sim.close();
            }
        } finally {
            if (holdsShared.get() != null) {
                holdsShared.remove();
                shared.release();
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        SmppSim sim = context.getStore(namespace()).remove("sim", SmppSim.class);
        if (sim != null) {
            sim.close();
        }
        current = null;
    }

    private Optional<SmppSim> find(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            SmppSim sim = c.get().getStore(namespace()).get("sim", SmppSim.class);
            if (sim != null) {
                return Optional.of(sim);
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == SmppSim.class || type == SmppSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SmppSim sim = find(context).orElseThrow(() -> new ParameterResolutionException(
                "no simulator for " + context.getDisplayName() + ": SmppSim parameters work in test methods and"
                        + " @BeforeEach/@AfterEach methods (in @BeforeAll ones with a per-class simulator only)"));
        return parameter.getParameter().getType() == SmppSimulator.class ? sim.simulator() : sim;
    }

    private SmppSim sim() {
        SmppSim mine = onThisThread.get();
        if (mine != null) {
            return mine;
        }
        int n = running.size();
        if (n == 1) {
            for (SmppSim only : running) {
                return only;
            }
        }
        if (n > 1) {
            throw new IllegalStateException("this SmppSimExtension serves " + n + " tests running at once, and "
                    + Thread.currentThread().getName() + " is none of their threads: call it from the test's own thread,"
                    + " or hand the test's SmppSim (a parameter of the test method) to the other thread");
        }
        SmppSim sim = current;
        if (sim == null) {
            throw new IllegalStateException("no simulator is running: use the extension inside a test");
        }
        return sim;
    }

    @Override
    public String host() {
        return sim().host();
    }

    @Override
    public int port() {
        return sim().port();
    }

    @Override
    public String systemId() {
        return sim().systemId();
    }

    @Override
    public String password() {
        return sim().password();
    }

    @Override
    public Bind bindTransceiver() {
        return sim().bindTransceiver();
    }

    @Override
    public EsmeOptions esmeOptions() {
        return sim().esmeOptions();
    }

    @Override
    public void addAccount(String systemId, String password) {
        sim().addAccount(systemId, password);
    }

    @Override
    public Stub when(RequestPattern pattern) {
        return sim().when(pattern);
    }

    @Override
    public Journal journal() {
        return sim().journal();
    }

    @Override
    public List<ReceivedMessage> awaitMessages(int count, RequestPattern pattern) {
        return sim().awaitMessages(count, pattern);
    }

    @Override
    public List<ReceivedMessage> awaitMessages(int count, RequestPattern pattern, Duration timeout) {
        return sim().awaitMessages(count, pattern, timeout);
    }

    @Override
    public ReceivedMessage awaitMessage(RequestPattern pattern) {
        return sim().awaitMessage(pattern);
    }

    @Override
    public List<ReceivedPdu> awaitRequests(int count, RequestPattern pattern, Duration timeout) {
        return sim().awaitRequests(count, pattern, timeout);
    }

    @Override
    public void verify(Count count, RequestPattern pattern) {
        sim().verify(count, pattern);
    }

    @Override
    public void verifyRequests(Count count, RequestPattern pattern) {
        sim().verifyRequests(count, pattern);
    }

    @Override
    public ReceivedMessage awaitFinal(RequestPattern pattern) {
        return sim().awaitFinal(pattern);
    }

    @Override
    public ReceivedMessage awaitReceiptsAcknowledged(RequestPattern pattern) {
        return sim().awaitReceiptsAcknowledged(pattern);
    }

    @Override
    public void sendReceipt(ReceivedMessage message, MessageState state) {
        sim().sendReceipt(message, state);
    }

    @Override
    public void sendMo(String systemId, String from, String to, String text) {
        sim().sendMo(systemId, from, to, text);
    }

    @Override
    public void sendMo(Mo mo) {
        sim().sendMo(mo);
    }

    @Override
    public SessionSnapshot awaitBound(String systemId) {
        return sim().awaitBound(systemId);
    }

    @Override
    public List<SessionSnapshot> sessions() {
        return sim().sessions();
    }

    @Override
    public void disconnectAll() {
        sim().disconnectAll();
    }

    @Override
    public SmppSimulator simulator() {
        return sim().simulator();
    }

    @Override
    public void reset() {
        sim().reset();
    }

    @Override
    public Duration defaultTimeout() {
        return sim().defaultTimeout();
    }

    /** Stops the running test's simulator early; the extension still closes it at the end. */
    @Override
    public void close() {
        sim().close();
    }

    @Override
    public String toString() {
        SmppSim sim = current;
        return sim == null ? "SmppSimExtension[not running]" : sim.toString();
    }
}
