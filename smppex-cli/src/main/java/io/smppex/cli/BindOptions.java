package io.smppex.cli;

import io.smppex.pdu.Bind;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.field.BindMode;
import picocli.CommandLine.Option;

/** The bind request's fields, as funbox smppsend names them. Shared by send and bench. */
final class BindOptions {
    @Option(names = "--system-id", description = "bind system_id (send: empty, bench: bench).")
    String systemId;

    @Option(names = "--password", defaultValue = "", description = "bind password.")
    String password;

    @Option(names = "--bind-mode", defaultValue = "tx", paramLabel = "tx|rx|trx",
            description = "Bind as transmitter, receiver or transceiver. Default: ${DEFAULT-VALUE}.")
    String bindMode;

    @Option(names = "--system-type", defaultValue = "", description = "bind system_type.")
    String systemType;

    @Option(names = "--interface-version", defaultValue = "0x34", converter = IntConverter.class,
            description = "bind interface_version (52 or 0x34 for 3.4, 0x50 for 5.0). Default: ${DEFAULT-VALUE}.")
    int interfaceVersion;

    @Option(names = "--addr-ton", defaultValue = "0", converter = IntConverter.class, description = "bind addr_ton.")
    int addrTon;

    @Option(names = "--addr-npi", defaultValue = "0", converter = IntConverter.class, description = "bind addr_npi.")
    int addrNpi;

    @Option(names = "--address-range", defaultValue = "", description = "bind address_range.")
    String addressRange;

    /** The system_id given, or {@code fallback}. */
    String systemId(String fallback) {
        return systemId != null ? systemId : fallback;
    }

    BindMode mode() {
        try {
            return BindMode.parse(bindMode);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--bind-mode: " + e.getMessage());
        }
    }

    /** The bind request, with {@code defaultSystemId} when --system-id is not given. */
    Bind bind(String defaultSystemId) {
        BindMode mode = mode();
        try {
            return PduFactory.bind(mode, systemId(defaultSystemId), password, systemType, interfaceVersion, addrTon, addrNpi,
                    addressRange);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("bind: " + e.getMessage());
        }
    }
}
