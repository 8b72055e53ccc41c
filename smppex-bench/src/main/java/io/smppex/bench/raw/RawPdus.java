package io.smppex.bench.raw;

import io.smppex.bench.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Hand-made SMPP octets for the raw client and server. They do not use the SMPPEX codec on
 * purpose: the raw pair is the yardstick the libraries are measured against, so it must not share
 * code with any of them. The smoke test checks these octets against the codec's.
 */
public final class RawPdus {
    public static final int BIND_RECEIVER = 0x00000001;
    public static final int BIND_TRANSMITTER = 0x00000002;
    public static final int SUBMIT_SM = 0x00000004;
    public static final int DELIVER_SM = 0x00000005;
    public static final int UNBIND = 0x00000006;
    public static final int BIND_TRANSCEIVER = 0x00000009;
    public static final int ENQUIRE_LINK = 0x00000015;
    public static final int GENERIC_NACK = 0x80000000;
    public static final int RESP = 0x80000000;
    public static final int SUBMIT_SM_RESP = SUBMIT_SM | RESP;
    public static final int ESME_RINVCMDID = 0x00000003;

    private RawPdus() {
    }

    /** The fixture submit_sm with sequence number 0; patch it with {@link #putInt}. */
    public static byte[] submitSm() {
        Writer w = new Writer(SUBMIT_SM, 0, 0);
        w.cstr(Fixtures.SERVICE_TYPE).u8(Fixtures.SOURCE_TON).u8(Fixtures.SOURCE_NPI).cstr(Fixtures.SOURCE_ADDR)
                .u8(Fixtures.DEST_TON).u8(Fixtures.DEST_NPI).cstr(Fixtures.DEST_ADDR)
                .u8(0).u8(0).u8(0).cstr("").cstr("")
                .u8(Fixtures.REGISTERED_DELIVERY).u8(0).u8(Fixtures.DATA_CODING).u8(0)
                .u8(Fixtures.SUBMIT_SHORT_MESSAGE.length).bytes(Fixtures.SUBMIT_SHORT_MESSAGE);
        return w.done();
    }

    /** submit_sm_resp with the fixture message_id and sequence number 0. */
    public static byte[] submitSmResp() {
        return new Writer(SUBMIT_SM_RESP, 0, 0).cstr(Fixtures.MESSAGE_ID).done();
    }

    public static byte[] bind(int commandId, String systemId, String password, int seq) {
        return new Writer(commandId, 0, seq).cstr(systemId).cstr(password).cstr("").u8(0x34).u8(0).u8(0).cstr("").done();
    }

    public static byte[] bindResp(int bindCommandId, String systemId, int seq) {
        return new Writer(bindCommandId | RESP, 0, seq).cstr(systemId).done();
    }

    public static byte[] header(int commandId, int status, int seq) {
        return new Writer(commandId, status, seq).done();
    }

    public static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    public static int getInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    /** Appends a PDU body field by field, then fills command_length in. */
    private static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer(int commandId, int status, int seq) {
            int32(0).int32(commandId).int32(status).int32(seq);
        }

        Writer int32(int v) {
            out.write(v >>> 24);
            out.write(v >>> 16);
            out.write(v >>> 8);
            out.write(v);
            return this;
        }

        Writer u8(int v) {
            out.write(v);
            return this;
        }

        Writer cstr(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
            out.write(0);
            return this;
        }

        Writer bytes(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        byte[] done() {
            byte[] b = out.toByteArray();
            putInt(b, 0, b.length);
            return b;
        }
    }
}
