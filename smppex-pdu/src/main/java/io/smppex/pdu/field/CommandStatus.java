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

    public static final CommandStatus ESME_ROK = def(0x00, "ESME_ROK", "No error");
    public static final CommandStatus ESME_RINVMSGLEN = def(0x01, "ESME_RINVMSGLEN", "Message length is invalid");
    public static final CommandStatus ESME_RINVCMDLEN = def(0x02, "ESME_RINVCMDLEN", "Command length is invalid");
    public static final CommandStatus ESME_RINVCMDID = def(0x03, "ESME_RINVCMDID", "Invalid command ID");
    public static final CommandStatus ESME_RINVBNDSTS = def(0x04, "ESME_RINVBNDSTS", "Incorrect bind status for given command");
    public static final CommandStatus ESME_RALYBND = def(0x05, "ESME_RALYBND", "ESME already in bound state");
    public static final CommandStatus ESME_RINVPRTFLG = def(0x06, "ESME_RINVPRTFLG", "Invalid priority flag");
    public static final CommandStatus ESME_RINVREGDLVFLG = def(0x07, "ESME_RINVREGDLVFLG", "Invalid registered delivery flag");
    public static final CommandStatus ESME_RSYSERR = def(0x08, "ESME_RSYSERR", "System error");
    public static final CommandStatus ESME_RINVSRCADR = def(0x0A, "ESME_RINVSRCADR", "Invalid source address");
    public static final CommandStatus ESME_RINVDSTADR = def(0x0B, "ESME_RINVDSTADR", "Invalid destination address");
    public static final CommandStatus ESME_RINVMSGID = def(0x0C, "ESME_RINVMSGID", "Message ID is invalid");
    public static final CommandStatus ESME_RBINDFAIL = def(0x0D, "ESME_RBINDFAIL", "Bind failed");
    public static final CommandStatus ESME_RINVPASWD = def(0x0E, "ESME_RINVPASWD", "Invalid password");
    public static final CommandStatus ESME_RINVSYSID = def(0x0F, "ESME_RINVSYSID", "Invalid system ID");
    public static final CommandStatus ESME_RCANCELFAIL = def(0x11, "ESME_RCANCELFAIL", "cancel_sm failed");
    public static final CommandStatus ESME_RREPLACEFAIL = def(0x13, "ESME_RREPLACEFAIL", "replace_sm failed");
    public static final CommandStatus ESME_RMSGQFUL = def(0x14, "ESME_RMSGQFUL", "Message queue full");
    public static final CommandStatus ESME_RINVSERTYP = def(0x15, "ESME_RINVSERTYP", "Invalid service type");
    public static final CommandStatus ESME_RINVNUMDESTS = def(0x33, "ESME_RINVNUMDESTS", "Invalid number of destinations");
    public static final CommandStatus ESME_RINVDLNAME = def(0x34, "ESME_RINVDLNAME", "Invalid distribution list name");
    public static final CommandStatus ESME_RINVDESTFLAG = def(0x40, "ESME_RINVDESTFLAG", "Destination flag is invalid (submit_multi)");
    public static final CommandStatus ESME_RINVSUBREP = def(0x42, "ESME_RINVSUBREP", "Invalid 'submit with replace' request");
    public static final CommandStatus ESME_RINVESMCLASS = def(0x43, "ESME_RINVESMCLASS", "Invalid esm_class field data");
    public static final CommandStatus ESME_RCNTSUBDL = def(0x44, "ESME_RCNTSUBDL", "Cannot submit to distribution list");
    public static final CommandStatus ESME_RSUBMITFAIL = def(0x45, "ESME_RSUBMITFAIL", "submit_sm, submit_multi or data_sm failed");
    public static final CommandStatus ESME_RINVSRCTON = def(0x48, "ESME_RINVSRCTON", "Invalid source address TON");
    public static final CommandStatus ESME_RINVSRCNPI = def(0x49, "ESME_RINVSRCNPI", "Invalid source address NPI");
    public static final CommandStatus ESME_RINVDSTTON = def(0x50, "ESME_RINVDSTTON", "Invalid destination address TON");
    public static final CommandStatus ESME_RINVDSTNPI = def(0x51, "ESME_RINVDSTNPI", "Invalid destination address NPI");
    public static final CommandStatus ESME_RINVSYSTYP = def(0x53, "ESME_RINVSYSTYP", "Invalid system_type field");
    public static final CommandStatus ESME_RINVREPFLAG = def(0x54, "ESME_RINVREPFLAG", "Invalid replace_if_present flag");
    public static final CommandStatus ESME_RINVNUMMSGS = def(0x55, "ESME_RINVNUMMSGS", "Invalid number of messages");
    public static final CommandStatus ESME_RTHROTTLED = def(0x58, "ESME_RTHROTTLED", "Throttling error (ESME has exceeded allowed message limits)");
    public static final CommandStatus ESME_RINVSCHED = def(0x61, "ESME_RINVSCHED", "Invalid scheduled delivery time");
    public static final CommandStatus ESME_RINVEXPIRY = def(0x62, "ESME_RINVEXPIRY", "Invalid message validity period (expiry time)");
    public static final CommandStatus ESME_RINVDFTMSGID = def(0x63, "ESME_RINVDFTMSGID", "Predefined message invalid or not found");
    public static final CommandStatus ESME_RX_T_APPN = def(0x64, "ESME_RX_T_APPN", "ESME receiver temporary application error");
    public static final CommandStatus ESME_RX_P_APPN = def(0x65, "ESME_RX_P_APPN", "ESME receiver permanent application error");
    public static final CommandStatus ESME_RX_R_APPN = def(0x66, "ESME_RX_R_APPN", "ESME receiver reject message error");
    public static final CommandStatus ESME_RQUERYFAIL = def(0x67, "ESME_RQUERYFAIL", "query_sm request failed");
    public static final CommandStatus ESME_RINVTLVSTREAM = def(0xC0, "ESME_RINVTLVSTREAM", "Error in the optional part of the PDU body (3.4: ESME_RINVOPTPARSTREAM)");
    public static final CommandStatus ESME_RTLVNOTALLWD = def(0xC1, "ESME_RTLVNOTALLWD", "TLV not allowed (3.4: ESME_ROPTPARNOTALLWD)");
    public static final CommandStatus ESME_RINVTLVLEN = def(0xC2, "ESME_RINVTLVLEN", "Invalid TLV length (3.4: ESME_RINVPARLEN)");
    public static final CommandStatus ESME_RMISSINGTLV = def(0xC3, "ESME_RMISSINGTLV", "Expected TLV missing (3.4: ESME_RMISSINGOPTPARAM)");
    public static final CommandStatus ESME_RINVTLVVAL = def(0xC4, "ESME_RINVTLVVAL", "Invalid TLV value (3.4: ESME_RINVOPTPARAMVAL)");
    public static final CommandStatus ESME_RDELIVERYFAILURE = def(0xFE, "ESME_RDELIVERYFAILURE", "Transaction delivery failure");
    public static final CommandStatus ESME_RUNKNOWNERR = def(0xFF, "ESME_RUNKNOWNERR", "Unknown error");
    public static final CommandStatus ESME_RSERTYPUNAUTH = def(0x100, "ESME_RSERTYPUNAUTH", "ESME not authorised to use the specified service_type");
    public static final CommandStatus ESME_RPROHIBITED = def(0x101, "ESME_RPROHIBITED", "ESME prohibited from using the specified operation");
    public static final CommandStatus ESME_RSERTYPUNAVAIL = def(0x102, "ESME_RSERTYPUNAVAIL", "Specified service_type is unavailable");
    public static final CommandStatus ESME_RSERTYPDENIED = def(0x103, "ESME_RSERTYPDENIED", "Specified service_type is denied");
    public static final CommandStatus ESME_RINVDCS = def(0x104, "ESME_RINVDCS", "Invalid data coding scheme");
    public static final CommandStatus ESME_RINVSRCADDRSUBUNIT = def(0x105, "ESME_RINVSRCADDRSUBUNIT", "Source address subunit is invalid");
    public static final CommandStatus ESME_RINVDSTADDRSUBUNIT = def(0x106, "ESME_RINVDSTADDRSUBUNIT", "Destination address subunit is invalid");
    public static final CommandStatus ESME_RINVBCASTFREQINT = def(0x107, "ESME_RINVBCASTFREQINT", "Broadcast frequency interval is invalid");
    public static final CommandStatus ESME_RINVBCASTALIAS_NAME = def(0x108, "ESME_RINVBCASTALIAS_NAME", "Broadcast alias name is invalid");
    public static final CommandStatus ESME_RINVBCASTAREAFMT = def(0x109, "ESME_RINVBCASTAREAFMT", "Broadcast area format is invalid");
    public static final CommandStatus ESME_RINVNUMBCAST_AREAS = def(0x10A, "ESME_RINVNUMBCAST_AREAS", "Number of broadcast areas is invalid");
    public static final CommandStatus ESME_RINVBCASTCNTTYPE = def(0x10B, "ESME_RINVBCASTCNTTYPE", "Broadcast content type is invalid");
    public static final CommandStatus ESME_RINVBCASTMSGCLASS = def(0x10C, "ESME_RINVBCASTMSGCLASS", "Broadcast message class is invalid");
    public static final CommandStatus ESME_RBCASTFAIL = def(0x10D, "ESME_RBCASTFAIL", "broadcast_sm operation failed");
    public static final CommandStatus ESME_RBCASTQUERYFAIL = def(0x10E, "ESME_RBCASTQUERYFAIL", "query_broadcast_sm operation failed");
    public static final CommandStatus ESME_RBCASTCANCELFAIL = def(0x10F, "ESME_RBCASTCANCELFAIL", "cancel_broadcast_sm operation failed");
    public static final CommandStatus ESME_RINVBCAST_REP = def(0x110, "ESME_RINVBCAST_REP", "Number of repeated broadcasts is invalid");
    public static final CommandStatus ESME_RINVBCASTSRVGRP = def(0x111, "ESME_RINVBCASTSRVGRP", "Broadcast service group is invalid");
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

    /** The shared constant for a defined code, or a new value describing an undefined one. */
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
     * prefix optional) or by number ({@code "14"}, {@code "0x0E"}). Returns null if unknown.
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

    /** Every code SMPP 3.4 and 5.0 define, in numeric order. */
    public static Map<Integer, CommandStatus> known() {
        return Collections.unmodifiableMap(BY_CODE);
    }

    public int code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** True if SMPP 3.4 or 5.0 define this code. */
    public boolean isKnown() {
        return known;
    }

    public boolean isOk() {
        return code == 0;
    }

    /** E.g. {@code "ESME_RINVPASWD (0x0000000E) invalid password"}; the form the tools print. */
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
