package io.smppex.pdu.field;

import java.util.Objects;

/**
 * One failed destination in submit_multi_resp: the address and the command_status that says why.
 * Unlike submit_multi's destinations it has no dest_flag.
 */
public record UnsuccessSme(Address address, int errorStatusCode) {
    public UnsuccessSme {
        Objects.requireNonNull(address, "address");
    }

    public CommandStatus errorStatus() {
        return CommandStatus.of(errorStatusCode);
    }
}
