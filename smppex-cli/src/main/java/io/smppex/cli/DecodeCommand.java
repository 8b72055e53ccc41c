package io.smppex.cli;

import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduCodec;
import io.smppex.pdu.PduDecodeException;
import io.smppex.pdu.PduInput;
import io.smppex.pdu.PduPrinter;
import io.smppex.pdu.field.CommandId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code smppex decode}: pretty-prints PDUs given as hex. */
@Command(name = "decode", header = "Pretty-print PDUs given as hex.",
        mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Pretty-prints one SMPP PDU, or a stream of PDUs back to back, given as hex.",
            "Reads plain hex (spaces, colons and a leading 0x are ignored: xxd -p, Wireshark's \"Copy as Hex Stream\"),",
            "xxd and hexdump -C dumps (offsets and the ASCII column are dropped, '*' repeats are restored),",
            "Wireshark's \"Copy as Hex Dump\" and \"Hex + ASCII Dump\", C or Go arrays of 0x.. bytes (\"Copy as C Array\")",
            "and C strings of \\xNN escapes (\"Copy as Escaped String\"), so what a tool shows can be pasted as it is.",
            "Malformed input exits with code 7 and one line saying what is wrong and at which offset."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  smppex decode 0000001000000015000000000A342EE7",
            "  smppex decode '00000010 80000015 00000000 0A342EED'",
            "  xxd capture.bin | smppex decode -",
            "  hexdump -C capture.bin | smppex decode -",
            "  smppex decode 'unsigned char bytes[] = {0x0, 0x0, 0x0, 0x10, 0x80, 0x0, 0x0, 0x15, 0x0, 0x0, 0x0, 0x0, 0xa, 0x34, 0x2e, 0xed};'",
            "  smppex decode --json 0000001C80000004000000000A342EE1393432353834333135393400"})
final class DecodeCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(arity = "1..*", paramLabel = "HEX", description = "The PDU(s) as hex or a hex dump; several arguments are "
            + "joined by spaces. '-' reads stdin.")
    List<String> hex = new ArrayList<>();

    @Option(names = "--strict", description = "Decode strictly: also refuse strings longer than the specification allows "
            + "(by default decoding is lenient, as a tolerant MC is).")
    boolean strict;

    @Option(names = "--hex", description = "Also print each PDU's octets as hex.")
    boolean showHex;

    @Mixin
    OutputOptions output;

    DecodeCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        String text;
        if (hex.size() == 1 && hex.get(0).equals("-")) {
            text = new String(io.in().readAllBytes(), StandardCharsets.UTF_8);
        } else {
            text = String.join(" ", hex);
        }
        byte[] bytes;
        try {
            bytes = HexDump.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.DECODE, "bad hex input: " + e.getMessage());
        }
        if (bytes.length == 0) {
            throw new CliException(ExitCodes.DECODE, "bad hex input: no octets given");
        }
        PduCodec codec = PduCodec.builder().decodeMode(strict ? PduCodec.Mode.STRICT : PduCodec.Mode.LENIENT).build();
        PduInput in = PduInput.of(bytes);
        int offset = 0;
        int n = 0;
        while (offset < bytes.length) {
            int available = bytes.length - offset;
            Pdu pdu;
            int len;
            try {
                pdu = codec.decode(in, offset, available);
                len = in.getInt(offset);
            } catch (PduDecodeException e) {
                throw new CliException(ExitCodes.DECODE, describe(e, n + 1, offset));
            }
            n++;
            if (output.json) {
                io.out().println(Json.obj().put("index", n).put("offset", offset).put("length", len)
                        .put("pdu", PduJson.of(pdu)));
            } else {
                if (n > 1) {
                    io.out().println();
                }
                io.out().printf("# PDU %d at offset %d, %d octets%n", n, offset, len);
                if (showHex) {
                    io.out().println("# " + HexText.encode(bytes, offset, len));
                }
                io.out().print(PduPrinter.pretty(pdu));
            }
            offset += len;
        }
        io.out().flush();
        return ExitCodes.OK;
    }

    /** One line: which PDU, what is wrong, which field, and where both in the PDU and in the whole input. */
    static String describe(PduDecodeException e, int index, int pduOffset) {
        StringBuilder sb = new StringBuilder("malformed PDU ").append(index).append(" at offset ").append(pduOffset);
        if (e.headerReadable()) {
            CommandId id = CommandId.fromId(e.commandId());
            sb.append(" (").append(id == null ? String.format("command_id 0x%08X", e.commandId()) : id.smppName())
                    .append(')');
        }
        sb.append(": ").append(e.getMessage());
        sb.append(" [").append(e.reason());
        if (e.field() != null) {
            sb.append(", field ").append(e.field());
        }
        sb.append(", offset ").append(e.offset()).append(" in the PDU, ").append(pduOffset + e.offset())
                .append(" in the input]");
        return sb.toString();
    }
}
