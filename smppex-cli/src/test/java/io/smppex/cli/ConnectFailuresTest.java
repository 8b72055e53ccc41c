package io.smppex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.BindFailedException;
import io.smppex.ConnectFailedException;
import io.smppex.ResponseTimeoutException;
import io.smppex.SessionClosedException;
import io.smppex.SmppException;
import io.smppex.StopReason;
import io.smppex.pdu.field.CommandStatus;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * The one failure table, fed the exceptions the library and Netty's native transport really
 * throw (their messages as they word them): plain words out, no class names or syscalls.
 */
class ConnectFailuresTest {
    static final Duration T = Duration.ofSeconds(10);
    static final String WHERE = "127.0.0.1:2775";

    static CliException classify(Throwable t) {
        return ConnectFailures.classify(new ExecutionException(new CompletionException(t)), WHERE, T);
    }

    static Throwable connectFailed(Throwable cause) {
        return new ConnectFailedException("cannot connect to " + WHERE + ": " + cause.getMessage(), cause);
    }

    @Test
    void bindFailuresExitFour() {
        CliException e = classify(new BindFailedException(CommandStatus.ESME_RINVPASWD));
        assertThat(e.exitCode()).isEqualTo(ExitCodes.BIND);
        assertThat(e.getMessage()).isEqualTo("bind failed: ESME_RINVPASWD (0x0000000E) invalid password");
        CliException timeout = classify(new ResponseTimeoutException(io.smppex.pdu.PduFactory.bindTransmitter("a", "b"), T));
        assertThat(timeout.exitCode()).isEqualTo(ExitCodes.BIND);
        assertThat(timeout.getMessage()).isEqualTo("bind failed: no bind_resp from 127.0.0.1:2775 within 10000 ms");
    }

    @Test
    void socketErrorsInPlainWords() {
        // Netty epoll's wording of ECONNREFUSED.
        assertThat(classify(connectFailed(new ConnectException("finishConnect(..) failed with error(-111): Connection refused")))
                .getMessage()).isEqualTo("connection to 127.0.0.1:2775 failed: connection refused (nothing listens on 127.0.0.1:2775)");
        assertThat(classify(connectFailed(new UnknownHostException("no-such-host: Name or service not known"))).getMessage())
                .isEqualTo("connection to 127.0.0.1:2775 failed: unknown host 127.0.0.1");
        assertThat(classify(connectFailed(new IOException("connect(..) failed with error(-101): Network is unreachable")))
                .getMessage()).endsWith("failed: network unreachable");
        assertThat(classify(connectFailed(new IOException("connection timed out after 10000 ms: /10.0.0.1:2775"))).getMessage())
                .endsWith("failed: timed out after 10000 ms");
        CliException odd = classify(connectFailed(new IOException("io.netty.channel.unix.Errors$NativeIoException: "
                + "writev(..) failed with error(-32): Broken pipe\n\tat somewhere")));
        assertThat(odd.exitCode()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(odd.getMessage()).isEqualTo("connection to 127.0.0.1:2775 failed: Broken pipe");
    }

    @Test
    void tlsFailuresSayWhatToDo() {
        SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed: "
                + "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path");
        assertThat(classify(connectFailed(untrusted)).getMessage()).isEqualTo("connection to 127.0.0.1:2775 failed: TLS: the MC's "
                + "certificate is not trusted (give its CA with --tls-ca PEM, or --tls-insecure to accept any)");
        SSLHandshakeException wrongName = new SSLHandshakeException("No subject alternative names matching IP address 127.0.0.1 found");
        wrongName.initCause(new CertificateException("No subject alternative names matching IP address 127.0.0.1 found"));
        assertThat(classify(connectFailed(wrongName)).getMessage())
                .endsWith("TLS: the MC's certificate is not for 127.0.0.1 (--tls-insecure skips the check)");
    }

    @Test
    void sessionEndsAreNamed() {
        CliException e = classify(new SessionClosedException(StopReason.of(StopReason.Kind.PEER_CLOSED, "channel inactive")));
        assertThat(e.exitCode()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(e.getMessage()).isEqualTo("connection to 127.0.0.1:2775 closed during bind: the MC closed the connection");
    }

    @Test
    void listenFailures() {
        // What Mc.start throws with Netty's native transport when the port is taken.
        IOException inUse = new IOException("bind(..) failed with error(-98): Address already in use");
        SmppException e = new SmppException("cannot listen on 127.0.0.1:2775: io.netty.channel.unix.Errors$NativeIoException: "
                + inUse.getMessage(), inUse);
        CliException c = ConnectFailures.listen(e, "127.0.0.1", 2775);
        assertThat(c.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(c.getMessage()).isEqualTo("cannot listen on 127.0.0.1:2775: port 2775 is already in use");
        assertThat(ConnectFailures.listen(new java.net.BindException("Address already in use"), "127.0.0.1", 2775).getMessage())
                .isEqualTo("cannot listen on 127.0.0.1:2775: port 2775 is already in use");
        assertThat(ConnectFailures.listen(new IOException("bind(..) failed with error(-99): Cannot assign requested address"),
                "10.9.9.9", 2775).getMessage()).isEqualTo("cannot listen on 10.9.9.9:2775: 10.9.9.9 is not an address of this machine");
        assertThat(ConnectFailures.listen(new IOException("bind(..) failed with error(-13): Permission denied"), "0.0.0.0", 80)
                .getMessage()).isEqualTo("cannot listen on 0.0.0.0:80: not allowed to listen on port 80 (ports below 1024 need privileges)");
    }
}
