package io.smppex.pdu;

import io.smppex.pdu.field.NetworkErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A typed key for one standard TLV of SMPP 3.4 or 5.0: its tag, name, value type and the value
 * lengths the specification allows. Use it with {@link Tlvs#get(TlvTag)} and the builders'
 * {@code tlv(TlvTag, value)}.
 *
 * <p>Value types: 1/2/4-octet integers are {@link Integer} (4-octet values are unsigned on the
 * wire; read large ones with {@link Integer#toUnsignedLong}); C-octet strings are {@link String}
 * (the NUL is added and removed for you); octet strings are {@code byte[]}; network_error_code is
 * {@link NetworkErrorCode}.
 *
 * <p>Disputed sizes (reference §13) are decoded by their actual length and encoded as decided
 * here: source_telematics_id and broadcast_rep_num as 2 octets (the 5.0 reading, also Wireshark's),
 * dest_addr_np_country as a 5-octet integer; ms_validity and alert_on_message_delivery, whose
 * shape differs between 3.4 and 5.0, are raw octets.
 */
public final class TlvTag<T> {

    /** How a value of type T is turned into octets and back. */
    abstract static class Format<T> {
        final Class<T> type;

        Format(Class<T> type) {
            this.type = type;
        }

        abstract T decode(byte[] a, int off, int len);

        abstract byte[] encode(TlvTag<T> tag, T value);
    }

    private static final class IntFormat extends Format<Integer> {
        private final int width;

        IntFormat(int width) {
            super(Integer.class);
            this.width = width;
        }

        @Override
        Integer decode(byte[] a, int off, int len) {
            int v = 0;
            for (int i = 0; i < len; i++) {
                v = (v << 8) | (a[off + i] & 0xFF);
            }
            return v;
        }

        @Override
        byte[] encode(TlvTag<Integer> tag, Integer value) {
            int v = value;
            if (width < 4 && (v < 0 || v >= (1 << (8 * width)))) {
                throw new IllegalArgumentException(tag.name + " must fit in " + width + " octet(s), was " + v);
            }
            byte[] b = new byte[width];
            for (int i = width - 1; i >= 0; i--) {
                b[i] = (byte) v;
                v >>>= 8;
            }
            return b;
        }
    }

    private static final class LongFormat extends Format<Long> {
        private final int width;

        LongFormat(int width) {
            super(Long.class);
            this.width = width;
        }

        @Override
        Long decode(byte[] a, int off, int len) {
            long v = 0;
            for (int i = 0; i < len; i++) {
                v = (v << 8) | (a[off + i] & 0xFF);
            }
            return v;
        }

        @Override
        byte[] encode(TlvTag<Long> tag, Long value) {
            long v = value;
            if (v < 0 || v >= (1L << (8 * width))) {
                throw new IllegalArgumentException(tag.name + " must fit in " + width + " octets, was " + v);
            }
            byte[] b = new byte[width];
            for (int i = width - 1; i >= 0; i--) {
                b[i] = (byte) v;
                v >>>= 8;
            }
            return b;
        }
    }

    private static final Format<String> COCTET = new Format<>(String.class) {
        @Override
        String decode(byte[] a, int off, int len) {
            // Lenient: a value without its NUL still reads as the whole value.
            int n = len > 0 && a[off + len - 1] == 0 ? len - 1 : len;
            return new String(a, off, n, StandardCharsets.ISO_8859_1);
        }

        @Override
        byte[] encode(TlvTag<String> tag, String value) {
            byte[] b = new byte[value.length() + 1];
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == 0 || c > 0xFF) {
                    throw new IllegalArgumentException(tag.name + " holds a character that a C-octet string cannot carry at index " + i);
                }
                b[i] = (byte) c;
            }
            return b;
        }
    };

    private static final Format<byte[]> OCTETS = new Format<>(byte[].class) {
        @Override
        byte[] decode(byte[] a, int off, int len) {
            return Arrays.copyOfRange(a, off, off + len);
        }

        @Override
        byte[] encode(TlvTag<byte[]> tag, byte[] value) {
            return value.clone();
        }
    };

    private static final Format<NetworkErrorCode> NETWORK_ERROR = new Format<>(NetworkErrorCode.class) {
        @Override
        NetworkErrorCode decode(byte[] a, int off, int len) {
            return new NetworkErrorCode(a[off] & 0xFF, ((a[off + 1] & 0xFF) << 8) | (a[off + 2] & 0xFF));
        }

        @Override
        byte[] encode(TlvTag<NetworkErrorCode> tag, NetworkErrorCode v) {
            return new byte[] {(byte) v.networkType(), (byte) (v.errorCode() >>> 8), (byte) v.errorCode()};
        }
    };

    private static final Map<Integer, TlvTag<?>> BY_TAG = new LinkedHashMap<>();
    private static final Map<String, TlvTag<?>> BY_NAME = new LinkedHashMap<>();
    // Direct lookup for the decode path; every standard tag is below 0x1400.
    private static final TlvTag<?>[] FAST = new TlvTag<?>[0x1400];

    /** dest_addr_subunit (0x0005, 1 octet): the part of the handset to deliver to, e.g. 1 MS display, 2 mobile equipment, 3 SIM. */
    public static final TlvTag<Integer> DEST_ADDR_SUBUNIT = int1(0x0005, "dest_addr_subunit");
    /** dest_network_type (0x0006, 1 octet): the network technology of the destination, e.g. 1 GSM. */
    public static final TlvTag<Integer> DEST_NETWORK_TYPE = int1(0x0006, "dest_network_type");
    /** dest_bearer_type (0x0007, 1 octet): the bearer to deliver over, e.g. 1 SMS, 4 USSD. */
    public static final TlvTag<Integer> DEST_BEARER_TYPE = int1(0x0007, "dest_bearer_type");
    /** dest_telematics_id (0x0008, 2 octets): the telematics interworking of the destination. */
    public static final TlvTag<Integer> DEST_TELEMATICS_ID = intN(0x0008, "dest_telematics_id", 2, 2, 2);
    /** source_addr_subunit (0x000D, 1 octet): the part of the originating handset, as for dest_addr_subunit. */
    public static final TlvTag<Integer> SOURCE_ADDR_SUBUNIT = int1(0x000D, "source_addr_subunit");
    /** source_network_type (0x000E, 1 octet): the network technology of the originator. */
    public static final TlvTag<Integer> SOURCE_NETWORK_TYPE = int1(0x000E, "source_network_type");
    /** source_bearer_type (0x000F, 1 octet): the bearer the message came over. */
    public static final TlvTag<Integer> SOURCE_BEARER_TYPE = int1(0x000F, "source_bearer_type");
    /**
     * source_telematics_id (0x0010): the telematics interworking of the originator. Disputed size:
     * 1 octet in the 3.4 tables, 2 in 5.0; decoded either way, encoded as 2.
     */
    public static final TlvTag<Integer> SOURCE_TELEMATICS_ID = intN(0x0010, "source_telematics_id", 2, 1, 2);
    /** qos_time_to_live (0x0017, 4 octets, unsigned): seconds the MC should try delivering before giving up. */
    public static final TlvTag<Integer> QOS_TIME_TO_LIVE = intN(0x0017, "qos_time_to_live", 4, 4, 4);
    /** payload_type (0x0019, 1 octet): 0 default (WDP) or 1 WCMP message. */
    public static final TlvTag<Integer> PAYLOAD_TYPE = int1(0x0019, "payload_type");
    /** additional_status_info_text (0x001D, C-string up to 255 characters): a free-text explanation of a status, in query_sm_resp or receipts. */
    public static final TlvTag<String> ADDITIONAL_STATUS_INFO_TEXT = cstr(0x001D, "additional_status_info_text", 256);
    /** receipted_message_id (0x001E, C-string up to 64 characters): in a delivery receipt, the message_id of the message it reports on. */
    public static final TlvTag<String> RECEIPTED_MESSAGE_ID = cstr(0x001E, "receipted_message_id", 65);
    /** ms_msg_wait_facilities (0x0030, 1 octet): message-waiting indicator, bit 7 active and bits 1-0 the type (voicemail, fax, e-mail, other). */
    public static final TlvTag<Integer> MS_MSG_WAIT_FACILITIES = int1(0x0030, "ms_msg_wait_facilities");
    /** privacy_indicator (0x0201, 1 octet): 0 not restricted up to 3 secret. */
    public static final TlvTag<Integer> PRIVACY_INDICATOR = int1(0x0201, "privacy_indicator");
    /** source_subaddress (0x0202, 2-23 octets): a subaddress of the originator, first octet its type. */
    public static final TlvTag<byte[]> SOURCE_SUBADDRESS = oct(0x0202, "source_subaddress", 2, 23);
    /** dest_subaddress (0x0203, 2-23 octets): a subaddress of the destination, first octet its type. */
    public static final TlvTag<byte[]> DEST_SUBADDRESS = oct(0x0203, "dest_subaddress", 2, 23);
    /** user_message_reference (0x0204, 2 octets): the ESME's own reference for the message, echoed in receipts by MCs that support it. */
    public static final TlvTag<Integer> USER_MESSAGE_REFERENCE = int2(0x0204, "user_message_reference");
    /** user_response_code (0x0205, 1 octet): an application-defined response code (CDMA). */
    public static final TlvTag<Integer> USER_RESPONSE_CODE = int1(0x0205, "user_response_code");
    /** source_port (0x020A, 2 octets): the application port of the originator (like UDH element 0x05). */
    public static final TlvTag<Integer> SOURCE_PORT = int2(0x020A, "source_port");
    /**
     * destination_port (0x020B, 2 octets): the application port to deliver to (like UDH element
     * 0x05). Called dest_port in SMPP 5.0; {@link #fromName(String)} takes either.
     */
    public static final TlvTag<Integer> DESTINATION_PORT = int2(0x020B, "destination_port");
    /** sar_msg_ref_num (0x020C, 2 octets): the reference shared by all parts of a message split with SAR TLVs. */
    public static final TlvTag<Integer> SAR_MSG_REF_NUM = int2(0x020C, "sar_msg_ref_num");
    /** language_indicator (0x020D, 1 octet): the language of the text, e.g. 1 English (CDMA/TDMA). */
    public static final TlvTag<Integer> LANGUAGE_INDICATOR = int1(0x020D, "language_indicator");
    /** sar_total_segments (0x020E, 1 octet): how many parts a SAR-split message has, 1-255. */
    public static final TlvTag<Integer> SAR_TOTAL_SEGMENTS = int1(0x020E, "sar_total_segments");
    /** sar_segment_seqnum (0x020F, 1 octet): this part's number, 1 to sar_total_segments. */
    public static final TlvTag<Integer> SAR_SEGMENT_SEQNUM = int1(0x020F, "sar_segment_seqnum");
    /** sc_interface_version (0x0210, 1 octet): in bind_*_resp, the highest SMPP version the MC supports, e.g. 0x34. */
    public static final TlvTag<Integer> SC_INTERFACE_VERSION = int1(0x0210, "sc_interface_version");
    /** callback_num_pres_ind (0x0302, 1 octet, repeatable): presentation and screening of the callback number. */
    public static final TlvTag<Integer> CALLBACK_NUM_PRES_IND = repeatable(int1(0x0302, "callback_num_pres_ind"));
    /** callback_num_atag (0x0303, up to 65 octets, repeatable): an alphanumeric tag for the callback number. */
    public static final TlvTag<byte[]> CALLBACK_NUM_ATAG = repeatable(oct(0x0303, "callback_num_atag", 0, 65));
    /** number_of_messages (0x0304, 1 octet): how many messages are waiting in a mailbox, 0-99. */
    public static final TlvTag<Integer> NUMBER_OF_MESSAGES = int1(0x0304, "number_of_messages");
    /** callback_num (0x0381, 4-19 octets, repeatable): a number the recipient can call back. */
    public static final TlvTag<byte[]> CALLBACK_NUM = repeatable(oct(0x0381, "callback_num", 4, 19));
    /** dpf_result (0x0420, 1 octet): in submit_sm_resp/data_sm_resp, 1 if delivery pending flag was set. */
    public static final TlvTag<Integer> DPF_RESULT = int1(0x0420, "dpf_result");
    /** set_dpf (0x0421, 1 octet): 1 asks the MC for an alert_notification once an unreachable handset is back. */
    public static final TlvTag<Integer> SET_DPF = int1(0x0421, "set_dpf");
    /** ms_availability_status (0x0422, 1 octet): in alert_notification, 0 available, 1 denied, 2 unavailable. */
    public static final TlvTag<Integer> MS_AVAILABILITY_STATUS = int1(0x0422, "ms_availability_status");
    /** network_error_code (0x0423, 3 octets): the network type and the error code a failed delivery got from the network, in receipts and data_sm_resp. */
    public static final TlvTag<NetworkErrorCode> NETWORK_ERROR_CODE =
            register(new TlvTag<>(0x0423, "network_error_code", NETWORK_ERROR, 3, 3, null, false));
    /** message_payload (0x0424, up to 65 535 octets): the whole user data, instead of short_message (which must then be empty), for messages an MC splits itself. */
    public static final TlvTag<byte[]> MESSAGE_PAYLOAD = oct(0x0424, "message_payload", 0, 0xFFFF);
    /** delivery_failure_reason (0x0425, 1 octet): in data_sm_resp, 0 destination unavailable, 1 invalid address, 2 permanent or 3 temporary network error. */
    public static final TlvTag<Integer> DELIVERY_FAILURE_REASON = int1(0x0425, "delivery_failure_reason");
    /** more_messages_to_send (0x0426, 1 octet): 1 tells the MC more messages for the same handset follow, so it keeps the radio link up. */
    public static final TlvTag<Integer> MORE_MESSAGES_TO_SEND = int1(0x0426, "more_messages_to_send");
    /** message_state (0x0427, 1 octet): in receipts and query results, the message's state as a {@link io.smppex.pdu.field.MessageState} code. */
    public static final TlvTag<Integer> MESSAGE_STATE = int1(0x0427, "message_state");
    /** congestion_state (0x0428, 1 octet, SMPP 5.0): how loaded the sender is, 0 idle to 99 congested, for flow control. */
    public static final TlvTag<Integer> CONGESTION_STATE = int1(0x0428, "congestion_state");
    /** ussd_service_op (0x0501, 1 octet): the USSD operation, e.g. 1 PSSR indication, 17 PSSR response. */
    public static final TlvTag<Integer> USSD_SERVICE_OP = int1(0x0501, "ussd_service_op");
    /** broadcast_channel_indicator (0x0600, 1 octet, SMPP 5.0): 0 basic, 1 extended broadcast channel. */
    public static final TlvTag<Integer> BROADCAST_CHANNEL_INDICATOR = int1(0x0600, "broadcast_channel_indicator");
    /** broadcast_content_type (0x0601, 3 octets, SMPP 5.0): network type and the content's service type. */
    public static final TlvTag<byte[]> BROADCAST_CONTENT_TYPE = oct(0x0601, "broadcast_content_type", 3, 3);
    /** broadcast_content_type_info (0x0602, up to 255 octets, SMPP 5.0): more detail on the content type. */
    public static final TlvTag<byte[]> BROADCAST_CONTENT_TYPE_INFO = oct(0x0602, "broadcast_content_type_info", 0, 255);
    /** broadcast_message_class (0x0603, 1 octet, SMPP 5.0): the class of a cell broadcast message, 0-3. */
    public static final TlvTag<Integer> BROADCAST_MESSAGE_CLASS = int1(0x0603, "broadcast_message_class");
    /**
     * broadcast_rep_num (0x0604, SMPP 5.0): how many times to repeat a broadcast. Disputed size:
     * Int2 in most codecs, 1 octet in some; decoded either way, encoded as 2.
     */
    public static final TlvTag<Integer> BROADCAST_REP_NUM = intN(0x0604, "broadcast_rep_num", 2, 1, 2);
    /** broadcast_frequency_interval (0x0605, 3 octets, SMPP 5.0): a time unit and a count, how often to repeat the broadcast. */
    public static final TlvTag<byte[]> BROADCAST_FREQUENCY_INTERVAL = oct(0x0605, "broadcast_frequency_interval", 3, 3);
    /** broadcast_area_identifier (0x0606, 1-101 octets, repeatable, SMPP 5.0): a format octet and an area (cell, location or alias). */
    public static final TlvTag<byte[]> BROADCAST_AREA_IDENTIFIER = repeatable(oct(0x0606, "broadcast_area_identifier", 1, 101));
    /** broadcast_error_status (0x0607, 4 octets, SMPP 5.0): the command_status of a failed broadcast area. */
    public static final TlvTag<Integer> BROADCAST_ERROR_STATUS = intN(0x0607, "broadcast_error_status", 4, 4, 4);
    /** broadcast_area_success (0x0608, 1 octet, repeatable, SMPP 5.0): the success rate per broadcast area, 0-100 or 255 unknown. */
    public static final TlvTag<Integer> BROADCAST_AREA_SUCCESS = repeatable(int1(0x0608, "broadcast_area_success"));
    /** broadcast_end_time (0x0609, SMPP time string, SMPP 5.0): when a broadcast stopped or will stop. */
    public static final TlvTag<String> BROADCAST_END_TIME = cstr(0x0609, "broadcast_end_time", 17);
    /** broadcast_service_group (0x060A, up to 255 octets, SMPP 5.0): the group of subscribers to broadcast to. */
    public static final TlvTag<byte[]> BROADCAST_SERVICE_GROUP = oct(0x060A, "broadcast_service_group", 0, 255);
    /** billing_identification (0x060B, 1-1024 octets, SMPP 5.0): a format octet and billing information for the MC. */
    public static final TlvTag<byte[]> BILLING_IDENTIFICATION = oct(0x060B, "billing_identification", 1, 1024);
    /** source_network_id (0x060D, C-string up to 64 characters, SMPP 5.0): the network the message came from. */
    public static final TlvTag<String> SOURCE_NETWORK_ID = cstr(0x060D, "source_network_id", 65);
    /** dest_network_id (0x060E, C-string up to 64 characters, SMPP 5.0): the network to deliver to. */
    public static final TlvTag<String> DEST_NETWORK_ID = cstr(0x060E, "dest_network_id", 65);
    /** source_node_id (0x060F, 6 octets, SMPP 5.0): the node the message came from. */
    public static final TlvTag<byte[]> SOURCE_NODE_ID = oct(0x060F, "source_node_id", 6, 6);
    /** dest_node_id (0x0610, 6 octets, SMPP 5.0): the node to deliver to. */
    public static final TlvTag<byte[]> DEST_NODE_ID = oct(0x0610, "dest_node_id", 6, 6);
    /** dest_addr_np_resolution (0x0611, 1 octet, SMPP 5.0): whether number portability was queried for the destination. */
    public static final TlvTag<Integer> DEST_ADDR_NP_RESOLUTION = int1(0x0611, "dest_addr_np_resolution");
    /** dest_addr_np_information (0x0612, 10 octets, SMPP 5.0): the number portability result for the destination. */
    public static final TlvTag<byte[]> DEST_ADDR_NP_INFORMATION = oct(0x0612, "dest_addr_np_information", 10, 10);
    /**
     * dest_addr_np_country (0x0613, SMPP 5.0): the country code of a ported destination. Disputed:
     * a 5-octet integer or 1-5 octets; decoded by length, encoded as 5 octets.
     */
    public static final TlvTag<Long> DEST_ADDR_NP_COUNTRY =
            register(new TlvTag<>(0x0613, "dest_addr_np_country", new LongFormat(5), 1, 5, null, false));
    /** display_time (0x1201, 1 octet): 0 temporary, 1 default, 2 invoke display on the handset. */
    public static final TlvTag<Integer> DISPLAY_TIME = int1(0x1201, "display_time");
    /** sms_signal (0x1203, 2 octets): the alerting signal for the message (TDMA). */
    public static final TlvTag<Integer> SMS_SIGNAL = int2(0x1203, "sms_signal");
    /**
     * ms_validity (0x1204): how long the handset should keep the message. 1 octet in 3.4; 5.0
     * adds a 4-octet form (relative validity), so this is raw octets.
     */
    public static final TlvTag<byte[]> MS_VALIDITY = register(new TlvTag<>(0x1204, "ms_validity", OCTETS, 1, 4, new int[] {1, 4}, false));
    /**
     * alert_on_message_delivery (0x130C): asks the handset to alert the user on delivery. A
     * presence flag (length 0) in 3.4, optionally one octet in 5.0, so this is raw octets.
     */
    public static final TlvTag<byte[]> ALERT_ON_MESSAGE_DELIVERY = oct(0x130C, "alert_on_message_delivery", 0, 1);
    /** its_reply_type (0x1380, 1 octet): the kind of reply the user may give (CDMA interactive teleservice). */
    public static final TlvTag<Integer> ITS_REPLY_TYPE = int1(0x1380, "its_reply_type");
    /** its_session_info (0x1383, 2 octets): session number and sequence of a CDMA interactive teleservice. */
    public static final TlvTag<byte[]> ITS_SESSION_INFO = oct(0x1383, "its_session_info", 2, 2);

    private final int tag;
    private final String name;
    private final Format<T> format;
    private final int minLength;
    private final int maxLength;
    private final int[] allowedLengths;
    private final boolean repeatable;

    private TlvTag(int tag, String name, Format<T> format, int minLength, int maxLength, int[] allowedLengths,
                   boolean repeatable) {
        this.tag = tag;
        this.name = name;
        this.format = format;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.allowedLengths = allowedLengths;
        this.repeatable = repeatable;
    }

    private static <T> TlvTag<T> register(TlvTag<T> t) {
        BY_TAG.put(t.tag, t);
        BY_NAME.put(t.name, t);
        FAST[t.tag] = t;
        return t;
    }

    private static TlvTag<Integer> int1(int tag, String name) {
        return intN(tag, name, 1, 1, 1);
    }

    private static TlvTag<Integer> int2(int tag, String name) {
        return intN(tag, name, 2, 2, 2);
    }

    private static TlvTag<Integer> intN(int tag, String name, int width, int min, int max) {
        return register(new TlvTag<>(tag, name, new IntFormat(width), min, max, null, false));
    }

    private static TlvTag<String> cstr(int tag, String name, int max) {
        return register(new TlvTag<>(tag, name, COCTET, 1, max, null, false));
    }

    private static TlvTag<byte[]> oct(int tag, String name, int min, int max) {
        return register(new TlvTag<>(tag, name, OCTETS, min, max, null, false));
    }

    private static <T> TlvTag<T> repeatable(TlvTag<T> t) {
        TlvTag<T> r = new TlvTag<>(t.tag, t.name, t.format, t.minLength, t.maxLength, t.allowedLengths, true);
        return register(r);
    }

    /**
     * The standard TLV with this tag.
     *
     * @param tag the 16-bit tag
     * @return the definition, or {@code null} for vendor-specific and reserved tags
     */
    public static TlvTag<?> fromTag(int tag) {
        return tag >= 0 && tag < FAST.length ? FAST[tag] : null;
    }

    /**
     * The standard TLV with this SMPP name, as tools and configuration give it.
     *
     * @param name e.g. {@code "message_payload"}, case-insensitive, '-' accepted for '_'
     * @return the definition, or {@code null} if no standard TLV has that name
     */
    public static TlvTag<?> fromName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace('-', '_');
        TlvTag<?> t = BY_NAME.get(n);
        if (t == null && n.equals("dest_port")) {
            t = DESTINATION_PORT;
        }
        return t;
    }

    /**
     * Every standard 3.4 and 5.0 TLV, for tools that list them.
     *
     * @return the definitions in tag order; unmodifiable
     */
    public static Collection<TlvTag<?>> all() {
        return Collections.unmodifiableCollection(BY_TAG.values());
    }

    /**
     * A printable name for any tag, standard or not.
     *
     * @param tag the 16-bit tag
     * @return e.g. {@code "message_state"}, {@code "vendor_0x1400"} (0x1400-0x3FFF) or {@code "0x8081"}
     */
    public static String nameOf(int tag) {
        TlvTag<?> t = fromTag(tag);
        if (t != null) {
            return t.name;
        }
        return tag >= 0x1400 && tag <= 0x3FFF ? String.format("vendor_0x%04X", tag) : String.format("0x%04X", tag);
    }

    /**
     * The tag as it travels, before the length and value.
     *
     * @return the 16-bit tag, e.g. 0x0424 for message_payload
     */
    public int tag() {
        return tag;
    }

    /**
     * The name the specification gives the TLV.
     *
     * @return e.g. {@code "message_payload"}
     */
    public String name() {
        return name;
    }

    /**
     * The Java type of values, which {@link Tlvs#get(TlvTag)} returns and builders take.
     *
     * @return Integer, Long, String, byte[] or NetworkErrorCode
     */
    public Class<T> valueType() {
        return format.type;
    }

    /**
     * Whether the TLV may occur more than once in a PDU (callback_num,
     * broadcast_area_identifier...); add further values with the builders' {@code addTlv}.
     *
     * @return {@code true} for repeatable TLVs
     */
    public boolean isRepeatable() {
        return repeatable;
    }

    /**
     * The shortest value the specification allows, in octets (C-strings count their NUL).
     *
     * @return the minimum length
     */
    public int minLength() {
        return minLength;
    }

    /**
     * The longest value the specification allows, in octets (C-strings count their NUL).
     *
     * @return the maximum length
     */
    public int maxLength() {
        return maxLength;
    }

    /**
     * Whether a value of {@code length} octets is allowed for this TLV; the codec refuses others
     * when encoding, and when decoding answers them with ESME_RINVTLVLEN (lenient decoding lets
     * over-long C-strings through).
     *
     * @param length the value length in octets
     * @return {@code true} if allowed
     */
    public boolean isValidLength(int length) {
        if (allowedLengths != null) {
            for (int a : allowedLengths) {
                if (a == length) {
                    return true;
                }
            }
            return false;
        }
        return length >= minLength && length <= maxLength;
    }

    boolean isCString() {
        return format == COCTET;
    }

    T decode(byte[] a, int off, int len) {
        return format.decode(a, off, len);
    }

    byte[] encode(T value) {
        if (value == null) {
            throw new NullPointerException(name + " value");
        }
        byte[] b = format.encode(this, value);
        if (!isValidLength(b.length)) {
            throw new IllegalArgumentException(name + " value of " + b.length + " octets is outside the allowed "
                    + minLength + ".." + maxLength);
        }
        return b;
    }

    @Override
    public String toString() {
        return String.format("%s(0x%04X)", name, tag);
    }
}
