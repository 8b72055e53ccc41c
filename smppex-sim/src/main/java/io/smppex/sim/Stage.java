package io.smppex.sim;

/** Where in an exchange a {@link Rule} applies. */
public enum Stage {
    /** A bind_transmitter, bind_receiver or bind_transceiver is being answered. */
    BIND,
    /** A message request is being answered: submit_sm, data_sm, submit_multi, query_sm, cancel_sm, replace_sm. */
    SUBMIT,
    /** An enquire_link is being answered. */
    ENQUIRE_LINK,
    /** A delivery receipt is being made for an accepted message. */
    RECEIPT
}
