package io.smppex.cli;

import io.smppex.BindFailedException;
import io.smppex.ConnectFailedException;
import io.smppex.GenericNackException;
import io.smppex.ResponseTimeoutException;
import io.smppex.SessionClosedException;
import io.smppex.SmppException;
import io.smppex.StopReason;
import java.net.BindException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * The one table of connect, bind and listen failures, used by every command: each becomes a
 * one-line message in plain words and its exit code. Netty's native transport words socket errors
 * as {@code Errors$NativeIoException: bind(..) failed with error(-98): Address already in use};
 * nothing of that reaches the user.
 */
final class ConnectFailures {
    /** Netty's "syscall(..) failed" prefixes and exception class names, which say nothing to a user. */
    private static final Pattern NOISE = Pattern.compile(
            "(?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): |\\w+\\(\\.\\.\\) failed(?: with error\\(-?\\d+\\))?: ");

    private ConnectFailures() {
    }

    /**
     * A failure of {@code Esme.connect}: TCP, TLS or the bind.
     *
     * @param where   {@code host:port}
     * @param timeout the connect and bind_resp limit, for the timeout messages
     */
    static CliException classify(Throwable failure, String where, Duration timeout) {
        Throwable t = unwrap(failure);
        if (t instanceof ConnectFailedException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof BindFailedException b) {
            return new CliException(ExitCodes.BIND, "bind failed: " + b.status().describe());
        }
        if (t instanceof ResponseTimeoutException) {
            return new CliException(ExitCodes.BIND, "bind failed: no bind_resp from " + where + " within "
                    + timeout.toMillis() + " ms");
        }
        if (t instanceof GenericNackException g) {
            return new CliException(ExitCodes.BIND, "bind failed: the MC answered generic_nack " + g.status().describe());
        }
        if (t instanceof SessionClosedException c) {
            return new CliException(ExitCodes.CONNECTION, "connection to " + where + " closed during bind: "
                    + describe(c.reason()));
        }
        return new CliException(ExitCodes.CONNECTION, "connection to " + where + " failed: " + connectProblem(t, where, timeout));
    }

    /** Why a connection could not be made, in a few words. */
    static String connectProblem(Throwable failure, String where, Duration timeout) {
        Throwable t = unwrap(failure);
        if (t instanceof ConnectFailedException && t.getCause() != null) {
            t = t.getCause();
        }
        SSLException tls = find(t, SSLException.class);
        if (tls != null) {
            return tlsProblem(tls, where);
        }
        if (find(t, UnknownHostException.class) != null || find(t, UnresolvedAddressException.class) != null) {
            return "unknown host " + where.substring(0, where.lastIndexOf(':'));
        }
        String m = lower(t);
        if (m.contains("refused")) {
            return "connection refused (nothing listens on " + where + ")";
        }
        if (t.getClass().getSimpleName().contains("Timeout") || t instanceof SocketTimeoutException || m.contains("timed out")) {
            return "timed out after " + timeout.toMillis() + " ms";
        }
        if (t instanceof NoRouteToHostException || m.contains("no route to host") || m.contains("host is unreachable")) {
            return "host unreachable";
        }
        if (m.contains("network is unreachable")) {
            return "network unreachable";
        }
        if (m.contains("reset by peer")) {
            return "connection reset by the MC";
        }
        return plain(t);
    }

    /** Why the MC simulator cannot listen: port in use, not an address of this machine, no permission. */
    static CliException listen(Throwable failure, String host, int port) {
        Throwable t = unwrap(failure);
        if (t instanceof SmppException && t.getCause() != null) {
            t = t.getCause();
        }
        String m = lower(t);
        String why;
        if (t instanceof BindException && m.contains("in use") || m.contains("address already in use")) {
            why = "port " + port + " is already in use";
        } else if (m.contains("cannot assign requested address")) {
            why = host + " is not an address of this machine";
        } else if (m.contains("permission denied")) {
            why = "not allowed to listen on port " + port + (port < 1024 ? " (ports below 1024 need privileges)" : "");
        } else if (find(t, UnknownHostException.class) != null || find(t, UnresolvedAddressException.class) != null) {
            why = "unknown host " + host;
        } else if (find(t, SSLException.class) != null || find(t, CertificateException.class) != null
                || t instanceof IllegalArgumentException) {
            why = "TLS set-up failed: " + plain(t);
        } else {
            why = plain(t);
        }
        return new CliException(ExitCodes.FAILURE, "cannot listen on " + host + ":" + port + ": " + why);
    }

    /** How a session ended, for messages. */
    static String describe(StopReason r) {
        String detail = r.detail().isEmpty() ? "" : " (" + NOISE.matcher(r.detail()).replaceAll("") + ")";
        switch (r.kind()) {
            case PEER_CLOSED: return "the MC closed the connection";
            case UNBOUND_BY_PEER: return "the MC sent unbind";
            case SOCKET_ERROR: return "connection error" + (r.cause() != null ? ": " + plain(r.cause()) : detail);
            case FRAMING_ERROR: return "the MC sent bytes that are not SMPP" + detail;
            case ENQUIRE_LINK_TIMEOUT: return "the MC did not answer enquire_link";
            case SHUTDOWN: return "the MC is shutting down";
            default: return r.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + detail;
        }
    }

    private static String tlsProblem(SSLException e, String where) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        String host = where.substring(0, where.lastIndexOf(':'));
        if (find(e, CertificateException.class) != null && (m.contains("subject alternative") || m.contains("no name matching"))) {
            return "TLS: the MC's certificate is not for " + host + " (--tls-insecure skips the check)";
        }
        if (m.contains("pkix") || m.contains("certification path") || find(e, CertificateException.class) != null) {
            return "TLS: the MC's certificate is not trusted (give its CA with --tls-ca PEM, or --tls-insecure to accept any)";
        }
        if (e.getClass().getSimpleName().equals("NotSslRecordException") || m.contains("not an ssl/tls record")
                || m.contains("unsupported or unrecognized ssl message")) {
            return "TLS: the MC did not answer in TLS (is it plain SMPP? leave out --tls)";
        }
        if (e instanceof SSLHandshakeException && (m.contains("terminated") || m.contains("closed"))) {
            return "TLS: the MC closed the connection during the handshake";
        }
        return "TLS handshake failed: " + plain(e);
    }

    /** The first line of a message, without class names or Netty's syscall prefixes. */
    static String plain(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        String line = nl < 0 ? m : m.substring(0, nl);
        String cleaned = NOISE.matcher(line).replaceAll("").strip();
        return cleaned.isEmpty() ? t.getClass().getSimpleName() : cleaned;
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String lower(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null && sb.length() < 2000; c = c.getCause() == c ? null : c.getCause()) {
            sb.append(c.getMessage()).append(' ');
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
