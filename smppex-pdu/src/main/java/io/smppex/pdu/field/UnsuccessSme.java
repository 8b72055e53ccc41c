package io.smppex.pdu.field;

import java.util.Objects;

/**
 * One failed destination in submit_multi_resp: the address and the command_status that says why.
 * Unlike submit_multi's destinations it has no dest_flag.
 */
public record UnsuccessSme(Address address, int errorStatusCode) {
    /**
     * Checks the address is given.
     *
     * @param address         the destination that failed
     * @param errorStatusCode the command_status explaining why, as received
     */
    public UnsuccessSme {
        Objects.requireNonNull(address, "address");
    }

    /** {@return {@link #errorStatusCode()} as a status, e.g. ESME_RINVDSTADR} */
    public CommandStatus errorStatus() {
        return CommandStatus.of(errorStatusCode);
    }
}
