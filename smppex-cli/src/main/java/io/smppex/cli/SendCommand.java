package io.smppex.cli;

import io.smppex.BindFailedException;
import io.smppex.Esme;
import io.smppex.EsmeOptions;
import io.smppex.GenericNackException;
import io.smppex.ResponseTimeoutException;
import io.smppex.Session;
import io.smppex.SessionClosedException;
import io.smppex.SessionHandler;
import io.smppex.SessionOptions;
import io.smppex.StopReason;
import io.smppex.TlsOptions;
import io.smppex.pdu.Bind;
import io.smppex.pdu.BindResp;
import io.smppex.pdu.DataSm;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduCodec;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.BindMode;
import io.smppex.pdu.field.EsmClass;
import io.smppex.pdu.receipt.ReceiptView;
import io.smppex.pdu.text.DataCoding;
import io.smppex.pdu.text.EncodedText;
import io.smppex.pdu.text.MessageSplitter;
import io.smppex.pdu.text.Segment;
import io.smppex.pdu.text.SplitMethod;
import io.smppex.pdu.text.TextCodec;
import io.smppex.pdu.text.Udh;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code smppex send} / {@code smppsend}: binds, optionally sends submit_sm, waits for receipts or
 * incoming PDUs, unbinds. Every option of funbox smppsend keeps its name.
 */
@Command(name = "send", header = "smppsend: bind, submit_sm, wait for receipts or PDUs, unbind.",
        mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {
            "Binds to an SMSC, optionally sends submit_sm, waits for delivery receipts or incoming PDUs, and unbinds.",
            "The options of funbox smppsend keep their names, so its command lines work unchanged.",
            "",
            "Text is sent in the encoding --ucs2, --gsm or --latin1 ask for, or else in the cheapest one that holds",
            "it (GSM 7-bit, else UCS-2); --binary takes --short-message as hex octets. data_coding follows the",
            "encoding unless --data-coding is given. A text too long for one SMS is split automatically",
            "(--split udh|udh16|sar|payload); --split-max-bytes and --udh split or mark parts by hand as smppsend does.",
            "",
            "TLVs: --tlv-TAG-TYPE VALUE adds any TLV, known or not. TAG is hex (1400, x1400, 0x1400) or a standard",
            "name (user_message_reference); TYPE is s (C-string), h (hex octets) or i1, i2, i4, i8 (an unsigned",
            "integer of that many octets, big-endian). Repeat for several TLVs.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:unexpected failure (I/O, TLS set-up, internal error)",
            "2:usage error (bad or missing options)",
            "3:connection failed or lost",
            "4:bind rejected or unanswered",
            "5:submit_sm rejected or unanswered",
            "6:delivery receipt missing (--wait-dlrs)"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  smppsend --host 127.0.0.1 --port 2775 --system-id user --password secret   (bind and unbind: test credentials)",
            "  smppsend --port 2775 --system-id user --password secret --bind-mode trx --submit-sm \\",
            "      --source-addr Shop --dest-addr 447700900123 --short-message 'Hello' --registered-delivery 1 --wait-dlrs 5000",
            "  smppsend ... --submit-sm --short-message 'Привет' --ucs2 --tlv-user_message_reference-i2 42",
            "  smppsend ... --submit-sm --binary --data-coding 8 --short-message 003100320033",
            "  smppsend ... --submit-sm --short-message \"$(cat long.txt)\" --split sar",
            "  smppsend ... --submit-sm --count 100 --rate 20 --json",
            "  smppsend ... --bind-mode rx --wait --wait-limit 60000        (print what the SMSC sends for a minute)",
            "  smppsend ... --tls --tls-ca ca.pem"})
final class SendCommand implements Callable<Integer> {
    private final Io io;
    private final List<TlvArgs.Tlv> tlvs;

    @Spec
    CommandLine.Model.CommandSpec spec;

    // ---- connection and bind ----------------------------------------------------------------
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "SMSC host. Default: ${DEFAULT-VALUE}.")
    String host;
    @Option(names = "--port", defaultValue = "2775", description = "SMSC port. Default: ${DEFAULT-VALUE}.")
    int port;
    @Option(names = "--system-id", defaultValue = "", description = "bind system_id.")
    String systemId;
    @Option(names = "--password", defaultValue = "", description = "bind password.")
    String password;
    @Option(names = "--bind-mode", defaultValue = "tx", paramLabel = "tx|rx|trx", description = "Bind as transmitter, receiver or transceiver. Default: ${DEFAULT-VALUE}.")
    String bindMode;
    @Option(names = "--system-type", defaultValue = "", description = "bind system_type.")
    String systemType;
    @Option(names = "--interface-version", defaultValue = "0x34", converter = IntConverter.class, description = "bind interface_version (52 or 0x34 for 3.4, 0x50 for 5.0). Default: ${DEFAULT-VALUE}.")
    int interfaceVersion;
    @Option(names = "--addr-ton", defaultValue = "0", converter = IntConverter.class, description = "bind addr_ton.")
    int addrTon;
    @Option(names = "--addr-npi", defaultValue = "0", converter = IntConverter.class, description = "bind addr_npi.")
    int addrNpi;
    @Option(names = "--address-range", defaultValue = "", description = "bind address_range.")
    String addressRange;
    @Option(names = "--sn", paramLabel = "N", defaultValue = "0", description = "First sequence number (0: the default, 1).")
    int sn;

    // ---- submit_sm ------------------------------------------------------------------------------
    @Option(names = "--submit-sm", description = "Send submit_sm after binding.")
    boolean submitSm;
    @Option(names = "--service-type", defaultValue = "", description = "service_type.")
    String serviceType;
    @Option(names = "--source-addr", defaultValue = "", description = "source_addr.")
    String sourceAddr;
    @Option(names = "--source-addr-ton", converter = IntConverter.class, description = "source_addr_ton (default: guessed from the address).")
    Integer sourceAddrTon;
    @Option(names = "--source-addr-npi", converter = IntConverter.class, description = "source_addr_npi (default: guessed from the address).")
    Integer sourceAddrNpi;
    @Option(names = {"--dest-addr", "--destination-addr"}, defaultValue = "", description = "destination_addr.")
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
    @Option(names = "--registered-delivery", defaultValue = "0", converter = IntConverter.class, description = "registered_delivery (1: receipt on final outcome).")
    int registeredDelivery;
    @Option(names = "--replace-if-present-flag", defaultValue = "0", converter = IntConverter.class, description = "replace_if_present_flag.")
    int replaceIfPresentFlag;
    @Option(names = "--data-coding", converter = IntConverter.class, description = "data_coding (default: that of the encoding used).")
    Integer dataCoding;
    @Option(names = "--sm-default-msg-id", defaultValue = "0", converter = IntConverter.class, description = "sm_default_msg_id.")
    int smDefaultMsgId;
    @Option(names = "--short-message", defaultValue = "", description = "The message text (hex octets with --binary).")
    String shortMessage;

    // ---- encodings ------------------------------------------------------------------------------
    @Option(names = "--ucs2", description = "Encode the text as UCS-2 (data_coding 8).")
    boolean ucs2;
    @Option(names = "--gsm", description = "Encode the text in the GSM 7-bit default alphabet, unpacked (data_coding 0).")
    boolean gsm;
    @Option(names = "--latin1", description = "Encode the text as ISO-8859-1 (data_coding 3).")
    boolean latin1;
    @Option(names = "--binary", description = "--short-message (and an s/h message_payload TLV) is hex octets, sent as they are (data_coding 4 unless given).")
    boolean binary;

    // ---- splitting ------------------------------------------------------------------------------
    @Option(names = "--split", defaultValue = "udh", paramLabel = "udh|udh16|sar|payload",
            description = "How a text too long for one SMS is sent: concatenation UDH with an 8-bit (udh) or 16-bit (udh16) "
                    + "reference, SAR TLVs, or one PDU with message_payload. Default: ${DEFAULT-VALUE}.")
    String split;
    @Option(names = "--split-max-bytes", paramLabel = "LEN", description = "Split the encoded message by hand into parts of at most LEN octets, UDH included (smppsend's splitting).")
    Integer splitMaxBytes;
    @Option(names = "--udh", description = "Prepend a concatenation UDH built from --udh-ref, --udh-total-parts and --udh-part-num (not with --split-max-bytes).")
    boolean udh;
    @Option(names = "--udh-ref", converter = IntConverter.class, description = "Concatenation reference (default 0 with --udh/--split-max-bytes, random otherwise); over 255 uses a 16-bit UDH.")
    Integer udhRef;
    @Option(names = "--udh-total-parts", defaultValue = "1", converter = IntConverter.class, description = "UDH total parts (with --udh).")
    int udhTotalParts;
    @Option(names = "--udh-part-num", defaultValue = "1", converter = IntConverter.class, description = "UDH part number (with --udh).")
    int udhPartNum;

    // ---- repetition, waiting, output ------------------------------------------------------------
    @Option(names = "--count", defaultValue = "1", description = "Send the message this many times. Default: ${DEFAULT-VALUE}.")
    int count;
    @Option(names = "--rate", defaultValue = "0", paramLabel = "PER_SECOND", description = "Send at most this many submit_sm per second (0: as fast as the window allows).")
    double rate;
    @Option(names = "--wait-dlrs", paramLabel = "MS", description = "Wait up to MS milliseconds for a delivery receipt for every message id; exit 6 if any is missing.")
    Long waitDlrs;
    @Option(names = "--wait", description = "After sending, print incoming PDUs until interrupted (Ctrl-C) or --wait-limit.")
    boolean waitForever;
    @Option(names = "--wait-limit", paramLabel = "MS", description = "With --wait: stop waiting after MS milliseconds.")
    Long waitLimit;
    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "10000", description = "How long to wait for each response (bind_resp, submit_sm_resp). Default: ${DEFAULT-VALUE}.")
    long timeoutMs;

    @Option(names = "--tls", description = "Connect with TLS, trusting the JDK's CA certificates.")
    boolean tls;
    @Option(names = "--tls-ca", paramLabel = "PEM", description = "With TLS: trust the CA certificate(s) in this PEM file instead (implies --tls).")
    Path tlsCa;
    @Option(names = "--tls-insecure", description = "With TLS: accept any certificate, for test SMSCs with self-signed ones (implies --tls).")
    boolean tlsInsecure;

    @Option(names = "--json", description = "Print events (bound, submitted, receipt, pdu, summary) as JSON lines.")
    boolean json;
    @Option(names = {"-v", "--verbose"}, description = "Print every PDU sent and received, pretty-printed.")
    boolean verbose;

    private PduLog log;

    SendCommand(Io io, List<TlvArgs.Tlv> tlvs) {
        this.io = io;
        this.tlvs = tlvs;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    // ---- building the PDUs ----------------------------------------------------------------------

    BindMode mode() {
        try {
            return BindMode.parse(bindMode);
        } catch (IllegalArgumentException e) {
            throw usage("--bind-mode: " + e.getMessage());
        }
    }

    Bind bind() {
        try {
            return PduFactory.bind(mode(), systemId, password, systemType, interfaceVersion, addrTon, addrNpi, addressRange);
        } catch (IllegalArgumentException e) {
            throw usage("bind: " + e.getMessage());
        }
    }

    private TextCodec chosenCodec() {
        int n = (ucs2 ? 1 : 0) + (gsm ? 1 : 0) + (latin1 ? 1 : 0) + (binary ? 1 : 0);
        if (n > 1) {
            throw usage("choose one of --ucs2, --gsm, --latin1, --binary (for raw octets in another data_coding, use --binary --data-coding N)");
        }
        return ucs2 ? TextCodec.UCS2 : gsm ? TextCodec.GSM7 : latin1 ? TextCodec.LATIN1 : null;
    }

    private SplitMethod splitMethod() {
        switch (split.toLowerCase(java.util.Locale.ROOT)) {
            case "udh": return SplitMethod.UDH_8BIT;
            case "udh16": return SplitMethod.UDH_16BIT;
            case "sar": return SplitMethod.SAR;
            case "payload": return SplitMethod.PAYLOAD;
            default: throw usage("--split must be udh, udh16, sar or payload, not '" + split + "'");
        }
    }

    private Address address(String addr, Integer ton, Integer npi) {
        Address guess = Address.of(addr);
        return Address.of(addr, ton != null ? ton : guess.ton(), npi != null ? npi : guess.npi());
    }

    /** The submit_sm PDUs for one message: one, or one per part. Validated by encoding them. */
    List<SubmitSm> buildParts() {
        TextCodec codec = chosenCodec();
        if (udh && splitMaxBytes != null) {
            throw usage("--udh and --split-max-bytes cannot be used together");
        }
        SubmitSm proto;
        try {
            SubmitSm.Builder base = SubmitSm.builder().serviceType(serviceType)
                    .source(address(sourceAddr, sourceAddrTon, sourceAddrNpi))
                    .destination(address(destAddr, destAddrTon, destAddrNpi))
                    .esmClass(esmClass).protocolId(protocolId).priorityFlag(priorityFlag)
                    .scheduleDeliveryTime(scheduleDeliveryTime).validityPeriod(validityPeriod)
                    .registeredDelivery(registeredDelivery).replaceIfPresentFlag(replaceIfPresentFlag)
                    .smDefaultMsgId(smDefaultMsgId);
            for (TlvArgs.Tlv t : tlvs) {
                base.rawTlv(t.tag(), t.isMessagePayload() ? payloadOctets(t, codec) : t.octets());
            }
            proto = base.build();
        } catch (IllegalArgumentException e) {
            throw usage("submit_sm: " + e.getMessage());
        }

        byte[] data;
        int dc;
        if (binary) {
            try {
                data = HexText.decode(shortMessage);
            } catch (IllegalArgumentException e) {
                throw usage("--short-message with --binary must be hex: " + e.getMessage());
            }
            dc = dataCoding != null ? dataCoding : DataCoding.OCTET_UNSPECIFIED;
        } else if (codec != null) {
            if (!codec.canEncode(shortMessage)) {
                throw usage("--short-message cannot be encoded in " + codec.name() + "; use --ucs2 or leave the encoding out");
            }
            data = codec.encode(shortMessage);
            dc = dataCoding != null ? dataCoding : codec.dataCoding();
        } else {
            EncodedText enc = EncodedText.encode(shortMessage);
            data = enc.bytes();
            dc = dataCoding != null ? dataCoding : enc.dataCoding();
        }

        List<SubmitSm> parts = new ArrayList<>();
        try {
            if (udh) {
                int ref = udhRef == null ? 0 : udhRef;
                byte[] header = ref <= 0xFF ? Udh.concat8(ref, udhTotalParts, udhPartNum) : Udh.concat16(ref, udhTotalParts, udhPartNum);
                parts.add(proto.toBuilder().dataCoding(dc).esmClass(esmClass | EsmClass.UDHI).shortMessage(concat(header, data)).build());
            } else if (splitMaxBytes != null) {
                parts.addAll(splitByHand(proto, data, dc, codec));
            } else if (binary) {
                for (Segment s : MessageSplitter.split(data, dc, splitMethod(), reference())) {
                    parts.add(PduFactory.applySegment(proto.toBuilder(), s).build());
                }
            } else if (codec != null) {
                for (Segment s : MessageSplitter.split(shortMessage, codec, splitMethod(), reference())) {
                    parts.add(PduFactory.applySegment(proto.toBuilder(), s).dataCoding(dc).build());
                }
            } else {
                // The cheapest encoding, split if it does not fit; then every other field from the command line.
                for (SubmitSm p : PduFactory.submitSmParts(proto.source(), proto.destination(), shortMessage,
                        registeredDelivery, splitMethod(), reference())) {
                    SubmitSm.Builder b = proto.toBuilder().esmClass(esmClass | p.esmClass()).dataCoding(dc)
                            .shortMessage(p.shortMessage());
                    for (io.smppex.pdu.Tlv t : p.tlvs()) {
                        b.rawTlv(t.tag(), t.value());
                    }
                    parts.add(b.build());
                }
            }
        } catch (IllegalArgumentException e) {
            throw usage("submit_sm: " + e.getMessage());
        }
        PduCodec codecCheck = PduCodec.defaults();
        for (SubmitSm p : parts) {
            try {
                codecCheck.encode(p);
            } catch (RuntimeException e) {
                throw usage("submit_sm cannot be encoded: " + e.getMessage());
            }
        }
        return parts;
    }

    private int reference() {
        if (udhRef != null) {
            return udhRef;
        }
        return ThreadLocalRandom.current().nextInt(splitMethod() == SplitMethod.UDH_8BIT ? 256 : 65536);
    }

    private byte[] payloadOctets(TlvArgs.Tlv t, TextCodec codec) {
        if (t.type().equals("s")) {
            if (binary) {
                return HexText.decode(t.value());
            }
            return codec != null ? codec.encode(t.value()) : EncodedText.encode(t.value()).bytes();
        }
        return t.octets();
    }

    /** smppsend's --split-max-bytes: parts of at most max octets including an 8-bit (or 16-bit) concatenation UDH. */
    private List<SubmitSm> splitByHand(SubmitSm proto, byte[] data, int dc, TextCodec codec) {
        int max = splitMaxBytes;
        if (data.length <= max) {
            return List.of(proto.toBuilder().dataCoding(dc).shortMessage(data).build());
        }
        int ref = udhRef == null ? 0 : udhRef;
        int udhLen = ref <= 0xFF ? 6 : 7;
        int room = max - udhLen;
        boolean ucs2Units = dc == DataCoding.UCS2 || codec == TextCodec.UCS2;
        boolean gsmUnits = !binary && (codec == TextCodec.GSM7 || (codec == null && dc == 0));
        if (room < (ucs2Units ? 2 : gsmUnits ? 2 : 1)) {
            throw usage("--split-max-bytes " + max + " leaves no room for text after the " + udhLen + "-octet UDH");
        }
        List<byte[]> chunks = new ArrayList<>();
        int pos = 0;
        while (pos < data.length) {
            int end = Math.min(data.length, pos + room);
            if (end < data.length) {
                if (ucs2Units) {
                    end = pos + ((end - pos) & ~1);
                    // Keep a surrogate pair together.
                    if (end - 2 >= pos && end < data.length) {
                        int hi = ((data[end - 2] & 0xFF) << 8) | (data[end - 1] & 0xFF);
                        if (Character.isHighSurrogate((char) hi) && end - 2 > pos) {
                            end -= 2;
                        }
                    }
                } else if (gsmUnits && (data[end - 1] & 0xFF) == 0x1B && end - 1 > pos) {
                    end -= 1; // never cut a GSM escape sequence
                }
            }
            chunks.add(java.util.Arrays.copyOfRange(data, pos, end));
            pos = end;
        }
        if (chunks.size() > 255) {
            throw usage("--split-max-bytes " + max + " would need " + chunks.size() + " parts; at most 255 are possible");
        }
        List<SubmitSm> out = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            byte[] header = ref <= 0xFF ? Udh.concat8(ref, chunks.size(), i + 1) : Udh.concat16(ref, chunks.size(), i + 1);
            out.add(proto.toBuilder().dataCoding(dc).esmClass(esmClass | EsmClass.UDHI)
                    .shortMessage(concat(header, chunks.get(i))).build());
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    TlsOptions tlsOptions() {
        if (!tls && tlsCa == null && !tlsInsecure) {
            return null;
        }
        if (tlsInsecure) {
            return TlsOptions.insecureTrustAll();
        }
        if (tlsCa != null) {
            if (!Files.isReadable(tlsCa)) {
                throw new CliException(ExitCodes.FAILURE, "cannot read " + tlsCa);
            }
            return TlsOptions.clientTrusting(tlsCa);
        }
        return TlsOptions.client();
    }

    // ---- running --------------------------------------------------------------------------------

    /** Answers deliver_sm and data_sm, hands incoming requests to the main thread, and prints PDUs when asked. */
    private final class Handler implements SessionHandler {
        final LinkedBlockingQueue<Pdu> incoming = new LinkedBlockingQueue<>();
        final CompletableFuture<StopReason> stopped = new CompletableFuture<>();
        volatile String mcSystemId = "";
        final boolean printAll;

        Handler(boolean printAll) {
            this.printAll = printAll;
        }

        @Override
        public void onRequest(Session session, Pdu request) {
            if (printAll) {
                log.in(session, request);
            }
            if (request instanceof DeliverSm) {
                session.reply(request, ((DeliverSm) request).respond().build());
            } else if (request instanceof DataSm) {
                session.reply(request, ((DataSm) request).respond().build());
            } else {
                SessionHandler.super.onRequest(session, request);
            }
            incoming.add(request);
        }

        @Override
        public void onResponse(Session session, Pdu request, Pdu response) {
            if (response instanceof BindResp bound) {
                mcSystemId = bound.systemId();
            }
            if (verbose) {
                log.in(session, response);
            }
        }

        @Override
        public void onSendResult(Session session, Pdu pdu, Throwable error) {
            if (verbose && error == null) {
                log.out(session, pdu);
            }
        }

        @Override
        public List<Pdu> onStop(Session session, StopReason reason, List<Pdu> lost) {
            stopped.complete(reason);
            return List.of();
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        log = new PduLog(io.out(), json);
        Bind bind = bind();
        BindMode mode = bind.bindMode();
        List<SubmitSm> parts = List.of();
        if (submitSm) {
            if (!mode.canTransmit()) {
                throw usage("--submit-sm needs --bind-mode tx or trx; a receiver cannot submit");
            }
            if (count < 1) {
                throw usage("--count must be at least 1");
            }
            parts = buildParts();
        }
        if (sn < 0) {
            throw usage("--sn must not be negative");
        }
        if (rate < 0) {
            throw usage("--rate must not be negative");
        }
        if (waitDlrs != null && waitDlrs < 0 || waitLimit != null && waitLimit < 0 || timeoutMs <= 0) {
            throw usage("--wait-dlrs, --wait-limit and --timeout are positive numbers of milliseconds");
        }
        if (waitDlrs != null && !mode.canReceive()) {
            io.err().println("note: bound as tx, so receipts can only arrive on another (rx) session of this system_id;"
                    + " use --bind-mode trx to receive them here");
        }

        Duration timeout = Duration.ofMillis(timeoutMs);
        SessionOptions.Builder so = SessionOptions.builder().responseLimit(timeout).bindResponseLimit(timeout);
        if (sn > 0) {
            so.initialSequenceNumber(sn);
        }
        EsmeOptions.Builder eo = EsmeOptions.builder().bind(bind).session(so.build()).connectTimeout(timeout);
        TlsOptions t = tlsOptions();
        if (t != null) {
            eo.tls(t);
        }
        Handler handler = new Handler(verbose || waitForever);
        Session session = connect(handler, eo.build(), mode);

        int exit = ExitCodes.OK;
        List<String> messageIds = new ArrayList<>();
        int failed = 0;
        int receipts = 0;
        List<String> missing = List.of();
        try {
            if (submitSm) {
                failed = submitAll(session, parts, messageIds);
                if (failed > 0) {
                    exit = ExitCodes.SUBMIT;
                }
            }
            if (waitDlrs != null && !messageIds.isEmpty()) {
                missing = waitForReceipts(handler, messageIds);
                receipts = messageIds.size() - missing.size();
                if (!missing.isEmpty() && exit == ExitCodes.OK) {
                    exit = ExitCodes.RECEIPT;
                }
            }
            if (waitForever) {
                waitForPdus(handler);
            }
        } catch (CliException e) {
            session.close();
            throw e;
        }
        try {
            session.stop().get(timeoutMs + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            session.close();
        }
        if (json) {
            log.line("", Json.obj().put("event", "summary").put("submitted", messageIds.size()).put("failed", failed)
                    .put("receipts", receipts).put("missing", missing).put("exit_code", exit));
        }
        return exit;
    }

    private Session connect(Handler handler, EsmeOptions options, BindMode mode) throws InterruptedException {
        Session session;
        try {
            session = Esme.connect(host, port, handler, options).get();
        } catch (ExecutionException e) {
            throw classifyConnectFailure(unwrap(e));
        }
        String mc = handler.mcSystemId;
        log.line("bound: " + mode.shortName() + " to " + host + ":" + port + " as '" + systemId + "'"
                        + (mc.isEmpty() ? "" : " (MC system_id '" + mc + "')"),
                Json.obj().put("event", "bound").put("host", host).put("port", port).put("mode", mode.shortName())
                        .put("system_id", systemId).put("mc_system_id", mc));
        return session;
    }

    private CliException classifyConnectFailure(Throwable t) {
        String where = host + ":" + port;
        if (t instanceof io.smppex.ConnectFailedException && t.getCause() != null) {
            // The library wraps the TCP or TLS failure; the cause says which.
            t = t.getCause();
        }
        if (t instanceof BindFailedException) {
            return new CliException(ExitCodes.BIND, "bind failed: " + ((BindFailedException) t).status().describe());
        }
        if (t instanceof ResponseTimeoutException) {
            return new CliException(ExitCodes.BIND, "bind failed: no bind_resp from " + where + " within " + timeoutMs + " ms");
        }
        if (t instanceof GenericNackException) {
            return new CliException(ExitCodes.BIND, "bind failed: generic_nack " + ((GenericNackException) t).status().describe());
        }
        if (t instanceof SessionClosedException) {
            return new CliException(ExitCodes.CONNECTION, "connection to " + where + " closed during bind: "
                    + ((SessionClosedException) t).reason());
        }
        if (t instanceof SSLException) {
            return new CliException(ExitCodes.CONNECTION, "connection to " + where + " failed: TLS: " + t.getMessage());
        }
        if (t instanceof ConnectException) {
            return new CliException(ExitCodes.CONNECTION, "connection to " + where + " failed: " + connectProblem(t));
        }
        if (t instanceof java.net.UnknownHostException) {
            return new CliException(ExitCodes.CONNECTION, "connection to " + where + " failed: unknown host");
        }
        return new CliException(ExitCodes.CONNECTION, "connection to " + where + " failed: " + firstLine(String.valueOf(t)));
    }

    /** Netty's native transport words these oddly ("finishConnect(..) failed with error(-111)"); say it plainly. */
    static String connectProblem(Throwable t) {
        String m = String.valueOf(t.getMessage());
        if (m.contains("refused")) {
            return "connection refused";
        }
        if (t.getClass().getSimpleName().contains("Timeout") || m.contains("timed out")) {
            return "timed out";
        }
        if (m.contains("unreachable")) {
            return "network unreachable";
        }
        return firstLine(m);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Sends count × parts submit_sm, paced by --rate and bounded by the window; returns how many failed. */
    private int submitAll(Session session, List<SubmitSm> parts, List<String> messageIds) throws InterruptedException {
        int window = session.options().windowSize();
        Semaphore slots = new Semaphore(window);
        List<CompletableFuture<SubmitSmResp>> futures = new ArrayList<>();
        List<SubmitSm> sent = new ArrayList<>();
        long start = System.nanoTime();
        long interval = rate > 0 ? (long) (1e9 / rate) : 0;
        int n = 0;
        for (int i = 0; i < count; i++) {
            for (SubmitSm p : parts) {
                if (interval > 0) {
                    long due = start + n * interval;
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                        if (io.interrupt().isDone()) {
                            break;
                        }
                    }
                }
                if (io.interrupt().isDone()) {
                    break;
                }
                slots.acquire();
                CompletableFuture<SubmitSmResp> f = session.send(p);
                f.whenComplete((r, e) -> slots.release());
                futures.add(f);
                sent.add(p);
                n++;
            }
        }
        int failed = 0;
        int total = parts.size();
        Iterator<SubmitSm> it = sent.iterator();
        int index = 0;
        for (CompletableFuture<SubmitSmResp> f : futures) {
            it.next();
            int message = index / total + 1;
            int part = index % total + 1;
            index++;
            String which = (count > 1 ? " (message " + message + " of " + count + (total > 1 ? ", part " + part + "/" + total : "") + ")"
                    : total > 1 ? " (part " + part + "/" + total + ")" : "");
            SubmitSmResp resp;
            try {
                resp = f.get();
            } catch (ExecutionException e) {
                Throwable t = unwrap(e);
                failed++;
                if (t instanceof SessionClosedException) {
                    throw new CliException(ExitCodes.CONNECTION, "connection lost while submitting: "
                            + ((SessionClosedException) t).reason());
                }
                String why = t instanceof ResponseTimeoutException ? "no submit_sm_resp within " + timeoutMs + " ms"
                        : t instanceof GenericNackException ? "generic_nack " + ((GenericNackException) t).status().describe()
                        : String.valueOf(t.getMessage());
                io.err().println("submit failed: " + why + which);
                if (json) {
                    log.line("", Json.obj().put("event", "submit_failed").put("message", message).put("part", part)
                            .put("error", why));
                }
                continue;
            }
            if (resp.isSuccessResponse()) {
                String id = resp.messageId();
                messageIds.add(id);
                if (!verbose || json) {
                    log.line("submitted: message_id " + id + which,
                            Json.obj().put("event", "submitted").put("message_id", id).put("message", message)
                                    .put("part", part).put("parts", total).put("sequence_number", resp.sequenceNumber()));
                }
            } else {
                failed++;
                io.err().println("submit failed: " + resp.status().describe() + which);
                if (json) {
                    log.line("", Json.obj().put("event", "submit_failed").put("message", message).put("part", part)
                            .put("status", resp.status().name()).put("command_status", resp.commandStatus()));
                }
            }
        }
        return failed;
    }

    /** Waits for a final receipt for every id; returns the ids still missing. */
    private List<String> waitForReceipts(Handler handler, List<String> ids) throws InterruptedException {
        List<String> pending = new ArrayList<>(ids);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitDlrs);
        while (!pending.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || io.interrupt().isDone()) {
                break;
            }
            Pdu pdu = handler.incoming.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
            if (pdu == null) {
                if (handler.stopped.isDone() && handler.incoming.isEmpty()) {
                    throw new CliException(ExitCodes.CONNECTION, "connection lost while waiting for receipts: "
                            + handler.stopped.join() + " (" + pending.size() + " of " + ids.size() + " missing)");
                }
                continue;
            }
            Optional<ReceiptView> view = ReceiptView.of(pdu);
            if (view.isEmpty()) {
                if (!handler.printAll) {
                    log.line("received " + pdu.commandName() + " (not a receipt): " + pdu, Json.obj().put("event", "pdu")
                            .put("dir", "in").put("pdu", PduJson.of(pdu)));
                }
                continue;
            }
            ReceiptView r = view.get();
            String matched = match(r, pending);
            String id = r.messageId().orElse("?");
            String stat = r.state().map(s -> s.stat()).orElse(r.text().flatMap(x -> x.stat()).orElse("?"));
            String err = r.errorCode().orElse("");
            boolean intermediate = r.isIntermediate();
            if (matched != null && !intermediate) {
                pending.remove(matched);
            }
            if (!handler.printAll || json) {
                String text = (matched == null ? "receipt for an unknown message: message_id " : "receipt: message_id ")
                        + id + " stat " + stat + (err.isEmpty() ? "" : " err " + err)
                        + (intermediate ? " (intermediate)" : "");
                log.line(text, Json.obj().put("event", "receipt").merge(PduJson.receipt(r)).put("matched", matched));
            }
        }
        if (pending.isEmpty()) {
            log.line("receipts: all " + ids.size() + " received", Json.obj().put("event", "receipts_complete")
                    .put("count", ids.size()));
        } else {
            io.err().println("receipt missing: " + pending.size() + " of " + ids.size() + " receipts did not arrive within "
                    + waitDlrs + " ms (message_id " + String.join(", ", pending) + ")");
        }
        return pending;
    }

    /** The pending id this receipt is for: an exact id first, then the hex/decimal readings ReceiptIds allows. */
    private static String match(ReceiptView r, List<String> pending) {
        Optional<String> id = r.messageId();
        if (id.isPresent()) {
            for (String p : pending) {
                if (p.equals(id.get().strip())) {
                    return p;
                }
            }
        }
        for (String p : pending) {
            if (r.isFor(p)) {
                return p;
            }
        }
        return null;
    }

    private void waitForPdus(Handler handler) throws InterruptedException {
        log.line("waiting for PDUs" + (waitLimit == null ? " (Ctrl-C to stop)" : " for " + waitLimit + " ms"),
                Json.obj().put("event", "waiting").put("limit_ms", waitLimit));
        long deadline = waitLimit == null ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitLimit);
        CompletableFuture<Object> any = CompletableFuture.anyOf(io.interrupt(), handler.stopped);
        try {
            if (waitLimit == null) {
                any.get();
            } else {
                any.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            // limit reached
        }
        if (handler.stopped.isDone() && !io.interrupt().isDone()) {
            throw new CliException(ExitCodes.CONNECTION, "connection lost while waiting: " + handler.stopped.join());
        }
    }
}
