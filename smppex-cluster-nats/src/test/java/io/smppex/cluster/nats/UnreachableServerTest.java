package io.smppex.cluster.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smppex.sim.spi.DeliveryOutcome;
import io.smppex.sim.spi.LocalReceivers;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A node that cannot reach its NATS server fails to start with the reason, and nothing of jnats
 * reaches java.util.logging: the library logs through SLF4J only, so a failed join is one line in
 * smppex mc, not a SEVERE record and a stack trace. No nats-server is needed: the port is closed.
 */
@Timeout(60)
@Isolated("watches the JVM's root java.util.logging logger")
class UnreachableServerTest {

    @Test
    void aClosedPortFailsTheStartWithTheServerNamedAndNothingOnJavaUtilLogging() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        List<LogRecord> jul = new CopyOnWriteArrayList<>();
        Handler watch = new Handler() {
            @Override
            public void publish(LogRecord record) {
                jul.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(watch);
        try {
            String url = "nats://127.0.0.1:" + closed;
            NatsBackplane backplane = NatsBackplane.builder().server(url).connectTimeout(Duration.ofSeconds(2)).build();
            assertThatThrownBy(() -> backplane.start(new LocalReceivers() {
                @Override
                public Set<String> systemIds() {
                    return Set.of();
                }

                @Override
                public CompletableFuture<DeliveryOutcome> deliver(io.smppex.sim.spi.RoutedPdu item) {
                    return new CompletableFuture<>();
                }
            }, "node-1")).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("cannot join the NATS cluster at " + url);
        } finally {
            root.removeHandler(watch);
        }
        assertThat(jul).as("java.util.logging records").extracting(LogRecord::getMessage).isEmpty();
    }
}
