package io.smppex.interop.peers;

import io.smppex.interop.support.FrameTap;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import org.jsmpp.session.connection.socket.SocketConnection;

/** jSMPP's socket connection with a tap on what it reads, to see answers jSMPP keeps to itself. */
final class JsmppTap extends SocketConnection {
    final FrameTap tap = new FrameTap();
    private final InputStream in;

    JsmppTap(Socket socket) throws IOException {
        super(socket);
        in = tap.wrap(super.getInputStream());
    }

    @Override
    public InputStream getInputStream() {
        return in;
    }
}
