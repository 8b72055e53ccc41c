package io.smppex;

/** The session timers a handler hears about through {@link SessionHandler#onTimer}. */
public enum TimerKind {
    /** Nothing was received for enquire_link_limit; by default an enquire_link is sent. */
    ENQUIRE_LINK,
    /** Our enquire_link got no answer within enquire_link_resp_limit; by default the session stops. */
    ENQUIRE_LINK_RESP,
    /** No PDU other than enquire_link travelled for inactivity_limit; by default the session unbinds. */
    INACTIVITY,
    /** The session was not bound within session_init_limit of connecting; by default it closes. */
    SESSION_INIT
}
