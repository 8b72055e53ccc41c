package io.smppex.internal;

import io.netty.buffer.ByteBuf;
import io.smppex.pdu.PduOutput;
import java.nio.charset.StandardCharsets;

/** Lets the codec encode straight into a (pooled) Netty buffer. Re-pointed per PDU. */
final class ByteBufPduOutput implements PduOutput {
    private ByteBuf buf;

    ByteBufPduOutput wrap(ByteBuf b) {
        this.buf = b;
        return this;
    }

    @Override
    public void writeByte(int value) {
        buf.writeByte(value);
    }

    @Override
    public void writeShort(int value) {
        buf.writeShort(value);
    }

    @Override
    public void writeInt(int value) {
        buf.writeInt(value);
    }

    @Override
    public void writeBytes(byte[] src, int srcIndex, int length) {
        buf.writeBytes(src, srcIndex, length);
    }

    @Override
    public void writeLatin1(String s) {
        buf.writeCharSequence(s, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void ensureWritable(int length) {
        buf.ensureWritable(length);
    }
}
