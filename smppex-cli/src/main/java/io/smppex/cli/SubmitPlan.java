package io.smppex.cli;

import io.smppex.pdu.PduCodec;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.EsmClass;
import io.smppex.pdu.text.Alphabet;
import io.smppex.pdu.text.DataCoding;
import io.smppex.pdu.text.MessageSplitter;
import io.smppex.pdu.text.Segment;
import io.smppex.pdu.text.SplitMethod;
import io.smppex.pdu.text.TextCodec;
import io.smppex.pdu.text.Udh;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;

/**
 * From smppsend's options to the submit_sm PDUs of one message: the encoding, the splitting and
 * the TLVs. Pure: no I/O, no clock; the random concatenation reference comes from the caller, so
 * every branch can be checked by a unit test.
 *
 * <p>The encoding, in this order:
 * <ol>
 *   <li>{@code --binary}: the text is hex, sent as those octets (data_coding 4 unless given);</li>
 *   <li>{@code --ucs2}, {@code --gsm}, {@code --latin1}: that encoding (its data_coding unless given);</li>
 *   <li>{@code --data-coding N} alone: the encoding that value announces, as funbox smppsend users
 *       expect (0 GSM 7-bit unpacked, 1 ASCII, 3 Latin-1, 6 ISO-8859-5, 7 ISO-8859-8, 8 UCS-2, and the
 *       GSM classes and message-waiting groups); a value with no text encoding (binary 2, 4, 0xF4..., JIS,
 *       KS C 5601, reserved) gets the UTF-8 octets of the text, as funbox smppsend sends them;</li>
 *   <li>nothing: GSM 7-bit if every character allows it, else UCS-2.</li>
 * </ol>
 */
final class SubmitPlan {
    private static final PduCodec CHECK = PduCodec.defaults();

    private enum Source { TEXT, HEX, UTF8 }

    /** How text becomes octets: through a codec, or as hex or UTF-8 octets under {@code dataCoding}. */
    private record Encoding(Source source, TextCodec codec, int dataCoding) {
        byte[] encode(String text, String what) {
            switch (source) {
                case HEX:
                    try {
                        return HexText.decode(text);
                    } catch (IllegalArgumentException e) {
                        throw CliException.usage(what + " with --binary must be hex: " + e.getMessage());
                    }
                case UTF8:
                    return text.getBytes(StandardCharsets.UTF_8);
                default:
                    if (!codec.canEncode(text)) {
                        throw CliException.usage(what + " cannot be encoded in " + codec.name() + " (data_coding "
                                + dataCoding + "); use --ucs2 (or --data-coding 8), or leave the encoding out");
                    }
                    return codec.encode(text);
            }
        }

        Alphabet alphabet() {
            return source == Source.TEXT ? codec.alphabet() : Alphabet.BINARY;
        }
    }

    private SubmitPlan() {
    }

    /**
     * The submit_sm PDUs for one message: one, or one per part.
     *
     * @param wantReceipts    true with --wait-dlrs: registered_delivery becomes 1 unless given
     * @param randomReference a random concatenation reference below the bound it is given (256 or 65536)
     * @throws CliException a usage error (exit 2) naming the option that is wrong
     */
    static List<SubmitSm> parts(SubmitOptions o, List<TlvArgs.Tlv> tlvs, boolean wantReceipts,
                                IntUnaryOperator randomReference) {
        if (o.destAddr.isEmpty()) {
            throw CliException.usage("--submit-sm needs --dest-addr (the destination_addr)");
        }
        if (o.udh && o.splitMaxBytes != null) {
            throw CliException.usage("--udh and --split-max-bytes cannot be used together");
        }
        Encoding enc = encoding(o, tlvs);
        SubmitSm proto;
        try {
            SubmitSm.Builder b = SubmitSm.builder().serviceType(o.serviceType)
                    .source(address(o.sourceAddr, o.sourceAddrTon, o.sourceAddrNpi))
                    .destination(address(o.destAddr, o.destAddrTon, o.destAddrNpi))
                    .esmClass(o.esmClass).protocolId(o.protocolId).priorityFlag(o.priorityFlag)
                    .scheduleDeliveryTime(o.scheduleDeliveryTime).validityPeriod(o.validityPeriod)
                    .registeredDelivery(o.registeredDelivery != null ? o.registeredDelivery : wantReceipts ? 1 : 0)
                    .replaceIfPresentFlag(o.replaceIfPresentFlag).smDefaultMsgId(o.smDefaultMsgId)
                    .dataCoding(enc.dataCoding());
            for (TlvArgs.Tlv t : tlvs) {
                boolean payloadText = t.isMessagePayload() && t.type().equals("s");
                b.rawTlv(t.tag(), payloadText ? enc.encode(t.value(), t.option()) : t.octets());
            }
            proto = b.build();
        } catch (IllegalArgumentException e) {
            throw CliException.usage("submit_sm: " + e.getMessage());
        }

        List<SubmitSm> parts = new ArrayList<>();
        try {
            if (o.udh) {
                int ref = o.udhRef == null ? 0 : o.udhRef;
                byte[] data = enc.encode(o.shortMessage, "--short-message");
                parts.add(proto.toBuilder().esmClass(o.esmClass | EsmClass.UDHI)
                        .shortMessage(concat(concatUdh(ref, o.udhTotalParts, o.udhPartNum), data)).build());
            } else if (o.splitMaxBytes != null) {
                parts.addAll(splitByHand(o, proto, enc, enc.encode(o.shortMessage, "--short-message")));
            } else {
                SplitMethod method = splitMethod(o);
                int ref = o.udhRef != null ? o.udhRef : randomReference.applyAsInt(method == SplitMethod.UDH_8BIT ? 256 : 65536);
                if (method == SplitMethod.UDH_8BIT && ref > 0xFF) {
                    method = SplitMethod.UDH_16BIT;
                }
                byte[] data = enc.encode(o.shortMessage, "--short-message");
                // Text is split by characters (never inside a UCS-2 pair or a GSM escape), octets by octets.
                List<Segment> segments = enc.source() == Source.TEXT
                        ? MessageSplitter.split(o.shortMessage, enc.codec(), method, ref)
                        : MessageSplitter.split(data, enc.dataCoding(), method, ref);
                for (Segment s : segments) {
                    parts.add(PduFactory.applySegment(proto.toBuilder(), s).build());
                }
            }
        } catch (IllegalArgumentException e) {
            throw CliException.usage("submit_sm: " + e.getMessage());
        }
        for (SubmitSm p : parts) {
            try {
                CHECK.encode(p);
            } catch (RuntimeException e) {
                throw CliException.usage("submit_sm cannot be encoded: " + e.getMessage());
            }
        }
        return parts;
    }

    private static Encoding encoding(SubmitOptions o, List<TlvArgs.Tlv> tlvs) {
        int flags = (o.ucs2 ? 1 : 0) + (o.gsm ? 1 : 0) + (o.latin1 ? 1 : 0) + (o.binary ? 1 : 0);
        if (flags > 1) {
            throw CliException.usage("choose one of --ucs2, --gsm, --latin1, --binary "
                    + "(for raw octets in another data_coding, use --binary --data-coding N)");
        }
        Integer dc = o.dataCoding;
        if (dc != null && (dc < 0 || dc > 0xFF)) {
            throw CliException.usage("--data-coding must be 0 to 255 (0xFF), not " + dc);
        }
        if (o.binary) {
            return new Encoding(Source.HEX, null, dc != null ? dc : DataCoding.OCTET_UNSPECIFIED);
        }
        TextCodec chosen = o.ucs2 ? TextCodec.UCS2 : o.gsm ? TextCodec.GSM7 : o.latin1 ? TextCodec.LATIN1 : null;
        if (chosen == null && dc != null) {
            Alphabet a = DataCoding.alphabetOf(dc);
            if (a == Alphabet.BINARY || a == Alphabet.OTHER) {
                return new Encoding(Source.UTF8, null, dc);
            }
            chosen = TextCodec.forDataCoding(dc);
        }
        if (chosen == null) {
            boolean gsm = TextCodec.GSM7.canEncode(o.shortMessage);
            for (TlvArgs.Tlv t : tlvs) {
                if (t.isMessagePayload() && t.type().equals("s")) {
                    gsm &= TextCodec.GSM7.canEncode(t.value());
                }
            }
            chosen = gsm ? TextCodec.GSM7 : TextCodec.UCS2;
        }
        TextCodec codec = dc != null ? chosen.withDataCoding(dc) : chosen;
        return new Encoding(Source.TEXT, codec, codec.dataCoding());
    }

    private static SplitMethod splitMethod(SubmitOptions o) {
        switch (o.split.toLowerCase(Locale.ROOT)) {
            case "udh": return SplitMethod.UDH_8BIT;
            case "udh16": return SplitMethod.UDH_16BIT;
            case "sar": return SplitMethod.SAR;
            case "payload": return SplitMethod.PAYLOAD;
            default: throw CliException.usage("--split must be udh, udh16, sar or payload, not '" + o.split + "'");
        }
    }

    private static Address address(String addr, Integer ton, Integer npi) {
        Address guess = Address.of(addr);
        return Address.of(addr, ton != null ? ton : guess.ton(), npi != null ? npi : guess.npi());
    }

    private static byte[] concatUdh(int ref, int total, int part) {
        return ref <= 0xFF ? Udh.concat8(ref, total, part) : Udh.concat16(ref, total, part);
    }

    /**
     * smppsend's --split-max-bytes: parts of at most that many octets including a concatenation
     * UDH with reference --udh-ref (0 by default), never cutting a UCS-2 character (or surrogate
     * pair) or a GSM escape sequence.
     */
    private static List<SubmitSm> splitByHand(SubmitOptions o, SubmitSm proto, Encoding enc, byte[] data) {
        int max = o.splitMaxBytes;
        if (data.length <= max) {
            return List.of(proto.toBuilder().shortMessage(data).build());
        }
        int ref = o.udhRef == null ? 0 : o.udhRef;
        int udhLen = ref <= 0xFF ? 6 : 7;
        int room = max - udhLen;
        boolean ucs2 = enc.alphabet() == Alphabet.UCS2;
        boolean gsm = enc.alphabet() == Alphabet.GSM7;
        if (room < (ucs2 || gsm ? 2 : 1)) {
            throw CliException.usage("--split-max-bytes " + max + " leaves no room for text after the " + udhLen + "-octet UDH");
        }
        List<byte[]> chunks = new ArrayList<>();
        int pos = 0;
        while (pos < data.length) {
            int end = Math.min(data.length, pos + room);
            if (end < data.length) {
                if (ucs2) {
                    end = pos + ((end - pos) & ~1);
                    int unit = ((data[end - 2] & 0xFF) << 8) | (data[end - 1] & 0xFF);
                    if (Character.isHighSurrogate((char) unit) && end - 2 > pos) {
                        end -= 2;
                    }
                } else if (gsm && (data[end - 1] & 0xFF) == 0x1B && end - 1 > pos) {
                    end -= 1;
                }
            }
            chunks.add(Arrays.copyOfRange(data, pos, end));
            pos = end;
        }
        if (chunks.size() > MessageSplitter.MAX_PARTS) {
            throw CliException.usage("--split-max-bytes " + max + " would need " + chunks.size() + " parts; at most "
                    + MessageSplitter.MAX_PARTS + " are possible");
        }
        List<SubmitSm> out = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            out.add(proto.toBuilder().esmClass(o.esmClass | EsmClass.UDHI)
                    .shortMessage(concat(concatUdh(ref, chunks.size(), i + 1), chunks.get(i))).build());
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
