package io.smppex.cli;

import io.smppex.EsmeOptions;
import io.smppex.SessionOptions;
import io.smppex.TlsOptions;
import io.smppex.pdu.Bind;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where an ESME command connects, and how long it waits: {@code --host}, {@code --port},
 * {@code --timeout}, and the TLS options ({@link TlsClientOptions}). Shared by send and bench.
 */
final class ConnectionOptions {
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "SMSC host. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--port", defaultValue = "2775", description = "SMSC port. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "10000",
            description = "How long to wait for the connection and for each response (bind_resp, submit_sm_resp...). "
                    + "Default: ${DEFAULT-VALUE}.")
    long timeoutMs;

    @Mixin
    TlsClientOptions tls;

    /** {@code host:port}, for messages. */
    String where() {
        return host + ":" + port;
    }

    Duration timeout() {
        return Duration.ofMillis(timeoutMs);
    }

    /** Refuses values no connection can use. */
    void check() {
        if (port < 1 || port > 65535) {
            throw CliException.usage("--port must be 1 to 65535, not " + port);
        }
        if (timeoutMs <= 0) {
            throw CliException.usage("--timeout is a positive number of milliseconds");
        }
    }

    /**
     * The ESME options: this bind, the session's options with every response limited by
     * {@code --timeout}, the connect timeout and TLS.
     */
    EsmeOptions esmeOptions(Bind bind, SessionOptions.Builder session) {
        check();
        Duration t = timeout();
        EsmeOptions.Builder b = EsmeOptions.builder().bind(bind).connectTimeout(t)
                .session(session.responseLimit(t).bindResponseLimit(t).build());
        TlsOptions tlsOptions = tls.tlsOptions();
        if (tlsOptions != null) {
            b.tls(tlsOptions);
        }
        return b.build();
    }
}
