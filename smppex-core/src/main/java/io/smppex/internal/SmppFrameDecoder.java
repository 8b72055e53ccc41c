package io.smppex.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduCodec;
import io.smppex.pdu.PduDecodeException;
import java.util.List;

/**
 * Splits the byte stream into PDUs and decodes them in place.
 *
 * <p>command_length is checked as soon as its four octets arrive, so a bogus length is refused
 * before a byte of it is buffered: the cumulation never grows past the codec's cap. A PDU that
 * frames but does not decode becomes a {@link DecodeFailure} and reading goes on; a bad length
 * becomes a DecodeFailure too, after which everything else is discarded, because the stream can
 * no longer be split.
 */
final class SmppFrameDecoder extends ByteToMessageDecoder {
    private final PduCodec codec;
    private final boolean keepOctets;
    private final ByteBufPduInput input = new ByteBufPduInput();
    private boolean broken;

    SmppFrameDecoder(PduCodec codec, boolean keepOctets) {
        this.codec = codec;
        this.keepOctets = keepOctets;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (broken) {
            in.skipBytes(in.readableBytes());
            return;
        }
        while (true) {
            int start = in.readerIndex();
            int readable = in.readableBytes();
            int len;
            try {
                len = codec.frameLength(input.wrap(in), start, readable);
            } catch (PduDecodeException e) {
                broken = true;
                out.add(new DecodeFailure(ByteBufUtil.getBytes(in, start, Math.min(readable, 16)), e));
                in.skipBytes(readable);
                return;
            }
            if (len < 0 || readable < len) {
                return;
            }
            try {
                Pdu pdu = codec.decode(input.wrap(in), start, len);
                out.add(keepOctets ? new ReceivedFrame(pdu, ByteBufUtil.getBytes(in, start, len)) : pdu);
            } catch (PduDecodeException e) {
                out.add(new DecodeFailure(ByteBufUtil.getBytes(in, start, len), e));
            } finally {
                input.wrap(null);
            }
            in.readerIndex(start + len);
            if (!in.isReadable()) {
                return;
            }
        }
    }
}
