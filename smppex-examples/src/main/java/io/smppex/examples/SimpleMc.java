package io.smppex.examples;

import io.smppex.Mc;
import io.smppex.McOptions;
import io.smppex.Session;
import io.smppex.SessionHandler;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.CommandStatus;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SMPPEX's "simple MC": accepts every bind and answers each submit_sm with an incrementing
 * message_id. The counter is shared by all sessions, as message ids must be unique per MC.
 */
public final class SimpleMc {
    private SimpleMc() {
    }

    /** Starts the MC; {@code port} 0 picks a free port, see {@link Mc#port()}. */
    public static Mc start(String bindAddress, int port) {
        AtomicLong lastId = new AtomicLong();
        return Mc.start(() -> new SessionHandler() {
            @Override
            public void onRequest(Session session, Pdu request) {
                if (request instanceof SubmitSm) {
                    SubmitSm submit = (SubmitSm) request;
                    session.reply(submit, submit.respond().messageId(Long.toString(lastId.incrementAndGet())).build());
                } else {
                    SessionHandler.super.onRequest(session, request);
                }
            }
        }, McOptions.builder().bindAddress(bindAddress).port(port).build());
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 2775;
        Mc mc = start("127.0.0.1", port);
        Runtime.getRuntime().addShutdownHook(new Thread(mc::close));
        System.out.println("simple MC listening on " + mc.localAddress() + " (" + CommandStatus.ESME_ROK.name() + " to every bind)");
        Thread.currentThread().join();
    }
}
