package io.smppex.cli;

import io.smppex.TlsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * TLS for an ESME: {@code --tls} checks the MC's certificate against the JDK's CA certificates and
 * its host name, {@code --tls-ca} trusts a CA of your own instead, {@code --tls-insecure} checks
 * nothing (funbox smppsend's {@code --tls} on Erlang/OTP before 26 does not check either).
 */
final class TlsClientOptions {
    @Option(names = "--tls", description = "Connect with TLS, checking the MC's certificate against the JDK's CA certificates.")
    boolean tls;

    @Option(names = "--tls-ca", paramLabel = "PEM", description = "With TLS: trust the CA certificate(s) in this PEM file instead (implies --tls).")
    Path ca;

    @Option(names = "--tls-insecure", description = "With TLS: accept any certificate, as funbox smppsend's --tls does on Erlang/OTP "
            + "before 26; for test SMSCs with self-signed certificates (implies --tls).")
    boolean insecure;

    /** The TLS options asked for, or null for plain TCP. */
    TlsOptions tlsOptions() {
        if (insecure) {
            return TlsOptions.insecureTrustAll();
        }
        if (ca != null) {
            if (!Files.isReadable(ca)) {
                throw new CliException(ExitCodes.FAILURE, "cannot read " + ca);
            }
            return TlsOptions.clientTrusting(ca);
        }
        return tls ? TlsOptions.client() : null;
    }
}
