package io.smppex.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/** Loopback ports for the processes a benchmark starts: a free one, and waiting until one listens. */
public final class Ports {
    private Ports() {
    }

    /**
     * {@return a port nothing listens on now, on the loopback address}
     *
     * @throws IOException if no port can be had
     */
    public static int free() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Waits until something accepts connections on the loopback {@code port}.
     *
     * @param process the process that should listen: its ending first fails the wait at once
     * @param port the port
     * @param limit how long to wait at most
     * @param what the process's name, for the error
     * @throws IOException if the process ended, or nothing listened within {@code limit}
     * @throws InterruptedException if interrupted while waiting
     */
    public static void awaitListening(Process process, int port, Duration limit, String what)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException e) {
                if (!process.isAlive()) {
                    throw new IOException(what + " ended (exit " + process.exitValue() + ") before listening on port " + port, e);
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new IOException(what + " does not listen on port " + port + " after " + limit, e);
                }
                // A port opening gives no event to wait on: poll it.
                Thread.sleep(50);
            }
        }
    }
}
