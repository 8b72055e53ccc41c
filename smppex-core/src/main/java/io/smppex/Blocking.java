package io.smppex;

import io.netty.util.internal.ThreadExecutorMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Guards the blocking calls of the API and unwraps the failures they rethrow. */
final class Blocking {
    private Blocking() {
    }

    /** Fails at once on an event-loop thread: blocking there would stall or deadlock its sessions. */
    static void check(String what) {
        if (ThreadExecutorMap.currentExecutor() != null) {
            throw new IllegalStateException(what + " blocks and must not be called on an event-loop thread ("
                    + Thread.currentThread().getName() + "); use the asynchronous API from session callbacks");
        }
    }

    static RuntimeException unwrap(Throwable t, String what) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof RuntimeException) {
            return (RuntimeException) t;
        }
        return new SmppException(what + " failed: " + t, t);
    }
}
