package io.smppex;

import io.smppex.pdu.field.CommandStatus;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Decides the command_status of a bind on an {@link Mc}: ESME_ROK accepts it. It may answer later
 * (a database or HTTP lookup) by returning an incomplete stage; the event loop is not blocked while
 * it waits. It is called on the session's event loop, so it must not block either.
 */
@FunctionalInterface
public interface BindAuthenticator {
    /**
     * Decides a bind: ESME_ROK binds, any other status refuses it with that status.
     *
     * @param request the bind and where it came from
     * @return the status to answer with, possibly later
     */
    CompletionStage<CommandStatus> authenticate(BindRequest request);

    /**
     * Accepts every bind.
     *
     * @return an authenticator that accepts every bind
     */
    static BindAuthenticator acceptAll() {
        return r -> CompletableFuture.completedFuture(CommandStatus.ESME_ROK);
    }

    /**
     * Accepts binds whose system_id and password match one of {@code accounts} (system_id to
     * password). An unknown system_id gets ESME_RINVSYSID, a wrong password ESME_RINVPASWD.
     *
     * @param accounts system_id to password
     * @return an authenticator over a fixed set of accounts
     */
    static BindAuthenticator accounts(Map<String, String> accounts) {
        Map<String, String> copy = Map.copyOf(accounts);
        return r -> {
            String expected = copy.get(r.systemId());
            CommandStatus s = expected == null ? CommandStatus.ESME_RINVSYSID
                    : expected.equals(r.password()) ? CommandStatus.ESME_ROK : CommandStatus.ESME_RINVPASWD;
            return CompletableFuture.completedFuture(s);
        };
    }
}
