package io.smppex.cli;

import picocli.CommandLine.Option;

/**
 * The submit_sm fields, encodings and splitting of smppsend, with funbox smppsend's names. Every
 * one of them needs {@code --submit-sm}; {@link SubmitPlan} turns them into PDUs.
 */
final class SubmitOptions {
    @Option(names = "--service-type", defaultValue = "", description = "service_type.")
    String serviceType;
    @Option(names = "--source-addr", defaultValue = "", description = "source_addr.")
    String sourceAddr;
    @Option(names = "--source-addr-ton", converter = IntConverter.class, description = "source_addr_ton (default: guessed from the address).")
    Integer sourceAddrTon;
    @Option(names = "--source-addr-npi", converter = IntConverter.class, description = "source_addr_npi (default: guessed from the address).")
    Integer sourceAddrNpi;
    @Option(names = {"--dest-addr", "--destination-addr"}, defaultValue = "", description = "destination_addr (required with --submit-sm).")
    String destAddr;
    @Option(names = "--dest-addr-ton", converter = IntConverter.class, description = "dest_addr_ton (default: guessed from the address).")
    Integer destAddrTon;
    @Option(names = "--dest-addr-npi", converter = IntConverter.class, description = "dest_addr_npi (default: guessed from the address).")
    Integer destAddrNpi;
    @Option(names = "--esm-class", defaultValue = "0", converter = IntConverter.class, description = "esm_class (UDHI is added when parts carry a UDH).")
    int esmClass;
    @Option(names = "--protocol-id", defaultValue = "0", converter = IntConverter.class, description = "protocol_id.")
    int protocolId;
    @Option(names = "--priority-flag", defaultValue = "0", converter = IntConverter.class, description = "priority_flag.")
    int priorityFlag;
    @Option(names = "--schedule-delivery-time", defaultValue = "", description = "schedule_delivery_time (SMPP time format).")
    String scheduleDeliveryTime;
    @Option(names = "--validity-period", defaultValue = "", description = "validity_period (SMPP time format).")
    String validityPeriod;
    @Option(names = "--registered-delivery", converter = IntConverter.class,
            description = "registered_delivery (1: receipt on final outcome). Default 0, or 1 with --wait-dlrs.")
    Integer registeredDelivery;
    @Option(names = "--replace-if-present-flag", defaultValue = "0", converter = IntConverter.class, description = "replace_if_present_flag.")
    int replaceIfPresentFlag;
    @Option(names = "--data-coding", converter = IntConverter.class,
            description = "data_coding. Without an encoding flag the text is encoded for it (0 GSM 7-bit, 1 ASCII, 3 Latin-1, "
                    + "6 Cyrillic, 7 Hebrew, 8 UCS-2...; binary and other values send the UTF-8 octets).")
    Integer dataCoding;
    @Option(names = "--sm-default-msg-id", defaultValue = "0", converter = IntConverter.class, description = "sm_default_msg_id.")
    int smDefaultMsgId;
    @Option(names = "--short-message", defaultValue = "", description = "The message text (hex octets with --binary).")
    String shortMessage;

    @Option(names = "--ucs2", description = "Encode the text as UCS-2 (data_coding 8 unless given).")
    boolean ucs2;
    @Option(names = "--gsm", description = "Encode the text in the GSM 7-bit default alphabet, unpacked (data_coding 0 unless given).")
    boolean gsm;
    @Option(names = "--latin1", description = "Encode the text as ISO-8859-1 (data_coding 3 unless given).")
    boolean latin1;
    @Option(names = "--binary", description = "--short-message (and an s message_payload TLV) is hex octets, sent as they are "
            + "(data_coding 4 unless given).")
    boolean binary;

    @Option(names = "--split", defaultValue = "udh", paramLabel = "udh|udh16|sar|payload",
            description = "How a text too long for one SMS is sent: concatenation UDH with an 8-bit (udh) or 16-bit (udh16) "
                    + "reference, SAR TLVs, or one PDU with message_payload. Default: ${DEFAULT-VALUE}.")
    String split;
    @Option(names = "--split-max-bytes", paramLabel = "LEN",
            description = "Split the encoded message by hand into parts of at most LEN octets, UDH included (smppsend's splitting).")
    Integer splitMaxBytes;
    @Option(names = "--udh", description = "Prepend a concatenation UDH built from --udh-ref, --udh-total-parts and --udh-part-num "
            + "(not with --split-max-bytes).")
    boolean udh;
    @Option(names = "--udh-ref", converter = IntConverter.class,
            description = "Concatenation reference (default 0 with --udh/--split-max-bytes, random otherwise); over 255 uses a 16-bit UDH.")
    Integer udhRef;
    @Option(names = "--udh-total-parts", defaultValue = "1", converter = IntConverter.class, description = "UDH total parts (with --udh).")
    int udhTotalParts;
    @Option(names = "--udh-part-num", defaultValue = "1", converter = IntConverter.class, description = "UDH part number (with --udh).")
    int udhPartNum;
}
