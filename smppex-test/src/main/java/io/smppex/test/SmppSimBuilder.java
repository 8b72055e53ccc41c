package io.smppex.test;

import io.smppex.sim.SmppSimulator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/** Settings of a {@link SmppSim}: its accounts, how long waits last, and any other simulator setting. */
public final class SmppSimBuilder {

    private final Map<String, String> accounts = new LinkedHashMap<>();
    private Duration timeout = Duration.ofSeconds(5);
    private Consumer<SmppSimulator.Builder> simulator = b -> { };

    SmppSimBuilder() {
    }

    /**
     * Adds an account; the first one is what {@link SmppSim#esmeOptions()} binds with. Without any,
     * the simulator has {@value SmppSim#DEFAULT_SYSTEM_ID}/{@value SmppSim#DEFAULT_PASSWORD}.
     *
     * @param systemId the system_id
     * @param password its password
     * @return this builder
     */
    public SmppSimBuilder account(String systemId, String password) {
        accounts.put(Objects.requireNonNull(systemId, "systemId"), Objects.requireNonNull(password, "password"));
        return this;
    }

    /**
     * @param timeout how long waits ({@code awaitMessages}, {@code sendMo}...) last unless told; 5 s by default
     * @return this builder
     */
    public SmppSimBuilder timeout(Duration timeout) {
        if (Objects.requireNonNull(timeout, "timeout").isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        this.timeout = timeout;
        return this;
    }

    /**
     * More settings of the simulator, on top of the kit's (loopback, a free port, no receipt
     * delay, quick retries): outcomes, a receipt delay, profiles, a submit rate, an id format...
     * The kit keeps its own listener, which its journal is made of.
     *
     * <pre>{@code
     * SmppSim.builder().simulator(b -> b.receiptOutcomes(ReceiptOutcomes.parse("DELIVRD=9,UNDELIV=1")).seed(7))
     * }</pre>
     *
     * @param settings applied to the simulator's builder before it starts (each call adds to the previous)
     * @return this builder
     */
    public SmppSimBuilder simulator(Consumer<SmppSimulator.Builder> settings) {
        Objects.requireNonNull(settings, "settings");
        Consumer<SmppSimulator.Builder> before = simulator;
        simulator = before.andThen(settings);
        return this;
    }

    Consumer<SmppSimulator.Builder> simulatorSettings() {
        return simulator;
    }

    Map<String, String> accounts() {
        if (accounts.isEmpty()) {
            return Map.of(SmppSim.DEFAULT_SYSTEM_ID, SmppSim.DEFAULT_PASSWORD);
        }
        return new LinkedHashMap<>(accounts);
    }

    Duration timeout() {
        return timeout;
    }

    /** @return a running simulator on a free loopback port */
    public SmppSim start() {
        return new SimulatedMc(this);
    }
}
