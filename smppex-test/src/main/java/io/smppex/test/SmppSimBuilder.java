package io.smppex.test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Settings of a {@link SmppSim}: its accounts and how long waits last. */
public final class SmppSimBuilder {

    private final Map<String, String> accounts = new LinkedHashMap<>();
    private Duration timeout = Duration.ofSeconds(5);

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
        return new DefaultSmppSim(this);
    }
}
