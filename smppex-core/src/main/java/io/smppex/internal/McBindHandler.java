package io.smppex.internal;

import io.smppex.pdu.Bind;

/** Lets the Mc answer binds itself (authentication) instead of passing them to the handler. */
public interface McBindHandler {
    /** Called on the session's event loop; must end in {@link SessionEngine#answerBind}, possibly later. */
    void onBind(SessionEngine session, Bind bind);
}
