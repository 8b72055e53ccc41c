package io.smppex.pdu.field;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A command_status value: every code SMPP 3.4 and 5.0 define, with its name and meaning.
 *
 * <p>Not an enum, because peers send codes the specification does not define (vendor range
 * 0x400-0x4FF, legacy Logica codes, plain garbage) and those must still be carried, compared and
 * printed. {@link #of(int)} returns the shared constant for known codes and a new value otherwise.
 *
 * <p>For 0xC0-0xC4 the SMPP 5.0 names are used ({@code ESME_RINVTLVLEN}); the 3.4 names
 * ({@code ESME_RINVPARLEN}) are accepted by {@link #fromName(String)}.
 */
public final class CommandStatus {
    private static final Map<Integer, CommandStatus> BY_CODE = new LinkedHashMap<>();
    private static final Map<String, CommandStatus> BY_NAME = new LinkedHashMap<>();

    /** 0x00: success; the only status a request that worked is answered with. */
    public static final CommandStatus ESME_ROK = def(0x00, "ESME_ROK", "No error");
    /** 0x01: sm_length or the message itself is invalid, e.g. longer than the MC accepts. */
    public static final CommandStatus ESME_RINVMSGLEN = def(0x01, "ESME_RINVMSGLEN", "Message length is invalid");
    /** 0x02: command_length does not match the PDU; the framing is broken. */
    public static final CommandStatus ESME_RINVCMDLEN = def(0x02, "ESME_RINVCMDLEN", "Command length is invalid");
    /** 0x03: unknown command_id, or a command the peer does not support (sent in generic_nack). */
    public static final CommandStatus ESME_RINVCMDID = def(0x03, "ESME_RINVCMDID", "Invalid command ID");
    /** 0x04: the command is not allowed in the session's bind state, e.g. submit_sm on a receiver. */
    public static final CommandStatus ESME_RINVBNDSTS = def(0x04, "ESME_RINVBNDSTS", "Incorrect bind status for given command");
    /** 0x05: a second bind on a session that is already bound. */
    public static final CommandStatus ESME_RALYBND = def(0x05, "ESME_RALYBND", "ESME already in bound state");
    /** 0x06: priority_flag is out of range. */
    public static final CommandStatus ESME_RINVPRTFLG = def(0x06, "ESME_RINVPRTFLG", "Invalid priority flag");
    /** 0x07: registered_delivery has bits the MC does not accept. */
    public static final CommandStatus ESME_RINVREGDLVFLG = def(0x07, "ESME_RINVREGDLVFLG", "Invalid registered delivery flag");
    /** 0x08: a failure inside the MC or ESME, not caused by the request; usually worth retrying. */
    public static final CommandStatus ESME_RSYSERR = def(0x08, "ESME_RSYSERR", "System error");
    /** 0x0A: the source address is invalid or not allowed for this account. */
    public static final CommandStatus ESME_RINVSRCADR = def(0x0A, "ESME_RINVSRCADR", "Invalid source address");
    /** 0x0B: the destination address is invalid or unreachable. */
    public static final CommandStatus ESME_RINVDSTADR = def(0x0B, "ESME_RINVDSTADR", "Invalid destination address");
    /** 0x0C: the message_id of a query, cancel or replace is unknown or malformed. */
    public static final CommandStatus ESME_RINVMSGID = def(0x0C, "ESME_RINVMSGID", "Message ID is invalid");
    /** 0x0D: the bind was refused for a reason other than the credentials. */
    public static final CommandStatus ESME_RBINDFAIL = def(0x0D, "ESME_RBINDFAIL", "Bind failed");
    /** 0x0E: the bind's password is wrong. */
    public static final CommandStatus ESME_RINVPASWD = def(0x0E, "ESME_RINVPASWD", "Invalid password");
    /** 0x0F: the bind's system_id is unknown. */
    public static final CommandStatus ESME_RINVSYSID = def(0x0F, "ESME_RINVSYSID", "Invalid system ID");
    /** 0x11: cancel_sm could not cancel the message (e.g. already delivered). */
    public static final CommandStatus ESME_RCANCELFAIL = def(0x11, "ESME_RCANCELFAIL", "cancel_sm failed");
    /** 0x13: replace_sm could not replace the message. */
    public static final CommandStatus ESME_RREPLACEFAIL = def(0x13, "ESME_RREPLACEFAIL", "replace_sm failed");
    /** 0x14: the MC's queue is full; retry later, more slowly. */
    public static final CommandStatus ESME_RMSGQFUL = def(0x14, "ESME_RMSGQFUL", "Message queue full");
    /** 0x15: service_type is invalid. */
    public static final CommandStatus ESME_RINVSERTYP = def(0x15, "ESME_RINVSERTYP", "Invalid service type");
    /** 0x33: submit_multi has no destinations or too many. */
    public static final CommandStatus ESME_RINVNUMDESTS = def(0x33, "ESME_RINVNUMDESTS", "Invalid number of destinations");
    /** 0x34: a distribution list name in submit_multi is invalid. */
    public static final CommandStatus ESME_RINVDLNAME = def(0x34, "ESME_RINVDLNAME", "Invalid distribution list name");
    /** 0x40: a dest_flag in submit_multi is neither SME address nor distribution list. */
    public static final CommandStatus ESME_RINVDESTFLAG = def(0x40, "ESME_RINVDESTFLAG", "Destination flag is invalid (submit_multi)");
    /** 0x42: replace_if_present_flag asks for a replace the MC cannot do. */
    public static final CommandStatus ESME_RINVSUBREP = def(0x42, "ESME_RINVSUBREP", "Invalid 'submit with replace' request");
    /** 0x43: esm_class holds a mode or type the MC does not accept. */
    public static final CommandStatus ESME_RINVESMCLASS = def(0x43, "ESME_RINVESMCLASS", "Invalid esm_class field data");
    /** 0x44: submitting to a distribution list is not allowed. */
    public static final CommandStatus ESME_RCNTSUBDL = def(0x44, "ESME_RCNTSUBDL", "Cannot submit to distribution list");
    /** 0x45: the submission failed for a reason the other codes do not name. */
    public static final CommandStatus ESME_RSUBMITFAIL = def(0x45, "ESME_RSUBMITFAIL", "submit_sm, submit_multi or data_sm failed");
    /** 0x48: source_addr_ton is invalid. */
    public static final CommandStatus ESME_RINVSRCTON = def(0x48, "ESME_RINVSRCTON", "Invalid source address TON");
    /** 0x49: source_addr_npi is invalid. */
    public static final CommandStatus ESME_RINVSRCNPI = def(0x49, "ESME_RINVSRCNPI", "Invalid source address NPI");
    /** 0x50: dest_addr_ton is invalid. */
    public static final CommandStatus ESME_RINVDSTTON = def(0x50, "ESME_RINVDSTTON", "Invalid destination address TON");
    /** 0x51: dest_addr_npi is invalid. */
    public static final CommandStatus ESME_RINVDSTNPI = def(0x51, "ESME_RINVDSTNPI", "Invalid destination address NPI");
    /** 0x53: the bind's system_type is not accepted. */
    public static final CommandStatus ESME_RINVSYSTYP = def(0x53, "ESME_RINVSYSTYP", "Invalid system_type field");
    /** 0x54: replace_if_present_flag is out of range. */
    public static final CommandStatus ESME_RINVREPFLAG = def(0x54, "ESME_RINVREPFLAG", "Invalid replace_if_present flag");
    /** 0x55: number_of_messages is invalid. */
    public static final CommandStatus ESME_RINVNUMMSGS = def(0x55, "ESME_RINVNUMMSGS", "Invalid number of messages");
    /** 0x58: the ESME sends faster than its account allows; slow down and retry. */
    public static final CommandStatus ESME_RTHROTTLED = def(0x58, "ESME_RTHROTTLED", "Throttling error (ESME has exceeded allowed message limits)");
    /** 0x61: schedule_delivery_time is not a valid SMPP time. */
    public static final CommandStatus ESME_RINVSCHED = def(0x61, "ESME_RINVSCHED", "Invalid scheduled delivery time");
    /** 0x62: validity_period is not a valid SMPP time or is out of the allowed range. */
    public static final CommandStatus ESME_RINVEXPIRY = def(0x62, "ESME_RINVEXPIRY", "Invalid message validity period (expiry time)");
    /** 0x63: sm_default_msg_id names no predefined message. */
    public static final CommandStatus ESME_RINVDFTMSGID = def(0x63, "ESME_RINVDFTMSGID", "Predefined message invalid or not found");
    /** 0x64: the receiving ESME failed temporarily; the MC should redeliver later. */
    public static final CommandStatus ESME_RX_T_APPN = def(0x64, "ESME_RX_T_APPN", "ESME receiver temporary application error");
    /** 0x65: the receiving ESME failed permanently; the MC should not redeliver. */
    public static final CommandStatus ESME_RX_P_APPN = def(0x65, "ESME_RX_P_APPN", "ESME receiver permanent application error");
    /** 0x66: the receiving ESME rejects the message. */
    public static final CommandStatus ESME_RX_R_APPN = def(0x66, "ESME_RX_R_APPN", "ESME receiver reject message error");
    /** 0x67: query_sm failed. */
    public static final CommandStatus ESME_RQUERYFAIL = def(0x67, "ESME_RQUERYFAIL", "query_sm request failed");
    /** 0xC0: the TLV part of the body is malformed (3.4 name: ESME_RINVOPTPARSTREAM). */
    public static final CommandStatus ESME_RINVTLVSTREAM = def(0xC0, "ESME_RINVTLVSTREAM", "Error in the optional part of the PDU body (3.4: ESME_RINVOPTPARSTREAM)");
    /** 0xC1: a TLV the command does not allow (3.4 name: ESME_ROPTPARNOTALLWD). */
    public static final CommandStatus ESME_RTLVNOTALLWD = def(0xC1, "ESME_RTLVNOTALLWD", "TLV not allowed (3.4: ESME_ROPTPARNOTALLWD)");
    /** 0xC2: a TLV has a length its tag does not allow (3.4 name: ESME_RINVPARLEN). */
    public static final CommandStatus ESME_RINVTLVLEN = def(0xC2, "ESME_RINVTLVLEN", "Invalid TLV length (3.4: ESME_RINVPARLEN)");
    /** 0xC3: a TLV the command requires is missing (3.4 name: ESME_RMISSINGOPTPARAM). */
    public static final CommandStatus ESME_RMISSINGTLV = def(0xC3, "ESME_RMISSINGTLV", "Expected TLV missing (3.4: ESME_RMISSINGOPTPARAM)");
    /** 0xC4: a TLV has a value its tag does not allow (3.4 name: ESME_RINVOPTPARAMVAL). */
    public static final CommandStatus ESME_RINVTLVVAL = def(0xC4, "ESME_RINVTLVVAL", "Invalid TLV value (3.4: ESME_RINVOPTPARAMVAL)");
    /** 0xFE: data_sm delivery to the destination failed. */
    public static final CommandStatus ESME_RDELIVERYFAILURE = def(0xFE, "ESME_RDELIVERYFAILURE", "Transaction delivery failure");
    /** 0xFF: an error the sender does not classify. */
    public static final CommandStatus ESME_RUNKNOWNERR = def(0xFF, "ESME_RUNKNOWNERR", "Unknown error");
    /** 0x100 (SMPP 5.0): the ESME may not use this service_type. */
    public static final CommandStatus ESME_RSERTYPUNAUTH = def(0x100, "ESME_RSERTYPUNAUTH", "ESME not authorised to use the specified service_type");
    /** 0x101 (SMPP 5.0): the ESME may not use this operation. */
    public static final CommandStatus ESME_RPROHIBITED = def(0x101, "ESME_RPROHIBITED", "ESME prohibited from using the specified operation");
    /** 0x102 (SMPP 5.0): the service_type is unavailable now. */
    public static final CommandStatus ESME_RSERTYPUNAVAIL = def(0x102, "ESME_RSERTYPUNAVAIL", "Specified service_type is unavailable");
    /** 0x103 (SMPP 5.0): the service_type is denied. */
    public static final CommandStatus ESME_RSERTYPDENIED = def(0x103, "ESME_RSERTYPDENIED", "Specified service_type is denied");
    /** 0x104 (SMPP 5.0): data_coding is invalid or not supported. */
    public static final CommandStatus ESME_RINVDCS = def(0x104, "ESME_RINVDCS", "Invalid data coding scheme");
    /** 0x105 (SMPP 5.0): source_addr_subunit is invalid. */
    public static final CommandStatus ESME_RINVSRCADDRSUBUNIT = def(0x105, "ESME_RINVSRCADDRSUBUNIT", "Source address subunit is invalid");
    /** 0x106 (SMPP 5.0): dest_addr_subunit is invalid. */
    public static final CommandStatus ESME_RINVDSTADDRSUBUNIT = def(0x106, "ESME_RINVDSTADDRSUBUNIT", "Destination address subunit is invalid");
    /** 0x107 (SMPP 5.0): broadcast_frequency_interval is invalid. */
    public static final CommandStatus ESME_RINVBCASTFREQINT = def(0x107, "ESME_RINVBCASTFREQINT", "Broadcast frequency interval is invalid");
    /** 0x108 (SMPP 5.0): the broadcast alias name is invalid. */
    public static final CommandStatus ESME_RINVBCASTALIAS_NAME = def(0x108, "ESME_RINVBCASTALIAS_NAME", "Broadcast alias name is invalid");
    /** 0x109 (SMPP 5.0): the broadcast_area_identifier format is invalid. */
    public static final CommandStatus ESME_RINVBCASTAREAFMT = def(0x109, "ESME_RINVBCASTAREAFMT", "Broadcast area format is invalid");
    /** 0x10A (SMPP 5.0): the number of broadcast areas is invalid. */
    public static final CommandStatus ESME_RINVNUMBCAST_AREAS = def(0x10A, "ESME_RINVNUMBCAST_AREAS", "Number of broadcast areas is invalid");
    /** 0x10B (SMPP 5.0): broadcast_content_type is invalid. */
    public static final CommandStatus ESME_RINVBCASTCNTTYPE = def(0x10B, "ESME_RINVBCASTCNTTYPE", "Broadcast content type is invalid");
    /** 0x10C (SMPP 5.0): broadcast_message_class is invalid. */
    public static final CommandStatus ESME_RINVBCASTMSGCLASS = def(0x10C, "ESME_RINVBCASTMSGCLASS", "Broadcast message class is invalid");
    /** 0x10D (SMPP 5.0): broadcast_sm failed. */
    public static final CommandStatus ESME_RBCASTFAIL = def(0x10D, "ESME_RBCASTFAIL", "broadcast_sm operation failed");
    /** 0x10E (SMPP 5.0): query_broadcast_sm failed. */
    public static final CommandStatus ESME_RBCASTQUERYFAIL = def(0x10E, "ESME_RBCASTQUERYFAIL", "query_broadcast_sm operation failed");
    /** 0x10F (SMPP 5.0): cancel_broadcast_sm failed. */
    public static final CommandStatus ESME_RBCASTCANCELFAIL = def(0x10F, "ESME_RBCASTCANCELFAIL", "cancel_broadcast_sm operation failed");
    /** 0x110 (SMPP 5.0): broadcast_rep_num is invalid. */
    public static final CommandStatus ESME_RINVBCAST_REP = def(0x110, "ESME_RINVBCAST_REP", "Number of repeated broadcasts is invalid");
    /** 0x111 (SMPP 5.0): broadcast_service_group is invalid. */
    public static final CommandStatus ESME_RINVBCASTSRVGRP = def(0x111, "ESME_RINVBCASTSRVGRP", "Broadcast service group is invalid");
    /** 0x112 (SMPP 5.0): broadcast_channel_indicator is invalid. */
    public static final CommandStatus ESME_RINVBCASTCHANIND = def(0x112, "ESME_RINVBCASTCHANIND", "Broadcast channel indicator is invalid");

    static {
        // SMPP 3.4 spellings of the codes 5.0 renamed, so either name can be looked up.
        BY_NAME.put("ESME_RINVOPTPARSTREAM", ESME_RINVTLVSTREAM);
        BY_NAME.put("ESME_ROPTPARNOTALLWD", ESME_RTLVNOTALLWD);
        BY_NAME.put("ESME_RINVPARLEN", ESME_RINVTLVLEN);
        BY_NAME.put("ESME_RMISSINGOPTPARAM", ESME_RMISSINGTLV);
        BY_NAME.put("ESME_RINVOPTPARAMVAL", ESME_RINVTLVVAL);
    }

    private final int code;
    private final String name;
    private final String description;
    private final boolean known;

    private CommandStatus(int code, String name, String description, boolean known) {
        this.code = code;
        this.name = name;
        this.description = description;
        this.known = known;
    }

    private static CommandStatus def(int code, String name, String description) {
        CommandStatus s = new CommandStatus(code, name, description, true);
        BY_CODE.put(code, s);
        BY_NAME.put(name, s);
        return s;
    }

    /**
     * The status for a command_status value.
     *
     * @param code the value as received, any 32 bits
     * @return the shared constant for a code SMPP defines; otherwise a new value named
     *         {@code VENDOR_0x...} (0x400-0x4FF) or {@code RESERVED_0x...}, equal to any other
     *         status with the same code
     */
    public static CommandStatus of(int code) {
        CommandStatus s = BY_CODE.get(code);
        if (s != null) {
            return s;
        }
        long u = Integer.toUnsignedLong(code);
        String hex = String.format("0x%08X", u);
        if (u >= 0x400 && u <= 0x4FF) {
            return new CommandStatus(code, "VENDOR_" + hex, "MC vendor-specific error", false);
        }
        return new CommandStatus(code, "RESERVED_" + hex, "Reserved (not defined by SMPP 3.4 or 5.0)", false);
    }

    /**
     * Looks a status up by name ({@code "ESME_RINVPASWD"}, case-insensitive, the {@code ESME_}
     * prefix optional, 3.4 or 5.0 spelling) or by number ({@code "14"}, {@code "0x0E"}), as a
     * command line or configuration file gives it.
     *
     * @param text the name or number
     * @return the status, or {@code null} for an unknown name or unparsable number (any number
     *         parses, as {@link #of(int)} does)
     */
    public static CommandStatus fromName(String text) {
        String t = text.trim();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return of((int) Long.parseLong(t.substring(2), 16));
            }
            if (!t.isEmpty() && Character.isDigit(t.charAt(0))) {
                return of((int) Long.parseLong(t));
            }
        } catch (NumberFormatException e) {
            return null;
        }
        String upper = t.toUpperCase(Locale.ROOT);
        CommandStatus s = BY_NAME.get(upper);
        return s != null ? s : BY_NAME.get("ESME_" + upper);
    }

    /**
     * Every code SMPP 3.4 and 5.0 define, for tools that list them.
     *
     * @return code to status, in numeric order; unmodifiable
     */
    public static Map<Integer, CommandStatus> known() {
        return Collections.unmodifiableMap(BY_CODE);
    }

    /**
     * The command_status value as it travels in the header.
     *
     * @return the 32-bit code
     */
    public int code() {
        return code;
    }

    /**
     * The specification's name, or {@code VENDOR_0x...} / {@code RESERVED_0x...} for undefined codes.
     *
     * @return e.g. {@code "ESME_RTHROTTLED"}
     */
    public String name() {
        return name;
    }

    /**
     * What the code means, in the words of the specification.
     *
     * @return e.g. {@code "Invalid password"}
     */
    public String description() {
        return description;
    }

    /**
     * Whether SMPP 3.4 or 5.0 defines this code.
     *
     * @return {@code false} for vendor-specific and reserved codes
     */
    public boolean isKnown() {
        return known;
    }

    /**
     * Whether this is success (0); every other code is an error.
     *
     * @return {@code true} only for {@link #ESME_ROK}
     */
    public boolean isOk() {
        return code == 0;
    }

    /**
     * The name, code and meaning together, the form the tools print and logs should show.
     *
     * @return e.g. {@code "ESME_RINVPASWD (0x0000000E) invalid password"}
     */
    public String describe() {
        return String.format("%s (0x%08X) %s", name, Integer.toUnsignedLong(code),
                description.isEmpty() ? "" : Character.toLowerCase(description.charAt(0)) + description.substring(1));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommandStatus && ((CommandStatus) o).code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }

    @Override
    public String toString() {
        return name;
    }
}
