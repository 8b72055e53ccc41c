package io.smppex.internal;

import io.netty.buffer.ByteBuf;
import io.smppex.pdu.PduInput;
import java.nio.charset.StandardCharsets;

/** Lets the codec read a Netty buffer in place. Re-pointed per frame, so no allocation per PDU. */
final class ByteBufPduInput implements PduInput {
    private ByteBuf buf;

    ByteBufPduInput wrap(ByteBuf b) {
        this.buf = b;
        return this;
    }

    @Override
    public int getUnsignedByte(int index) {
        return buf.getUnsignedByte(index);
    }

    @Override
    public int getUnsignedShort(int index) {
        return buf.getUnsignedShort(index);
    }

    @Override
    public int getInt(int index) {
        return buf.getInt(index);
    }

    @Override
    public void getBytes(int index, byte[] dst, int dstIndex, int length) {
        buf.getBytes(index, dst, dstIndex, length);
    }

    @Override
    public int indexOf(int fromIndex, int toIndex, byte value) {
        return fromIndex >= toIndex ? -1 : buf.indexOf(fromIndex, toIndex, value);
    }

    @Override
    public String getLatin1(int index, int length) {
        return length == 0 ? "" : buf.toString(index, length, StandardCharsets.ISO_8859_1);
    }
}
