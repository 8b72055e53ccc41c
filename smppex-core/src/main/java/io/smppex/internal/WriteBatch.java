package io.smppex.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduCodec;
import java.util.ArrayList;

/**
 * What the session writes, gathered into one buffer and one write per event-loop pass instead of
 * one per PDU: during a read everything is flushed when the read completes, otherwise by one task
 * queued for the end of the pass. A batch that grows past the write buffer's high water mark is
 * handed over at once, so that the channel's writability (and with it reading) reacts in time.
 * Confined to the session's event loop.
 */
final class WriteBatch {
    /** Told how the write of a batch went, with what in it asked to hear (requests, PDUs for onSendResult). */
    interface Written {
        void written(Object[] items, Throwable cause);
    }

    static final int INITIAL_CAPACITY = 1024;
    static final int MAX = 64 * 1024;

    private final PduCodec codec;
    private final Guarded calls;
    private final Written written;
    private final int flushThreshold;
    private final ByteBufPduOutput out = new ByteBufPduOutput();
    private final ArrayList<Object> items = new ArrayList<>();
    private final Runnable flushTask = this::runFlushTask;
    private ChannelHandlerContext ctx;
    private ByteBuf batch;
    private boolean inRead;
    private boolean flushTaskQueued;

    /** @param highWaterMark the channel's write buffer high water mark, 0 if unset */
    WriteBatch(PduCodec codec, Guarded calls, int highWaterMark, Written written) {
        this.codec = codec;
        this.calls = calls;
        this.written = written;
        this.flushThreshold = Math.max(1, Math.min(MAX, highWaterMark));
    }

    void attach(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** A read started: flushing waits for {@link #readComplete()}. */
    void readStarted() {
        inRead = true;
    }

    void readComplete() {
        inRead = false;
        flush();
    }

    /**
     * Encodes {@code pdu} with {@code sequenceNumber} into the batch. When encoding fails nothing of
     * it is written and the exception says why.
     */
    void append(Pdu pdu, int sequenceNumber) {
        ByteBuf b = batch;
        if (b == null) {
            b = ctx.alloc().ioBuffer(INITIAL_CAPACITY);
            batch = b;
        }
        int at = b.writerIndex();
        try {
            codec.encode(pdu, sequenceNumber, out.wrap(b));
        } finally {
            out.wrap(null);
        }
        if (calls.observesSent) {
            calls.pduSent(pdu, sequenceNumber, calls.observesOctets ? ByteBufUtil.getBytes(b, at, b.writerIndex() - at) : null);
        }
        if (b.readableBytes() >= flushThreshold) {
            flush();
        } else if (!inRead && !flushTaskQueued) {
            flushTaskQueued = true;
            ctx.executor().execute(flushTask);
        }
    }

    /** Something in the current batch wants to hear how its write went. */
    void track(Object item) {
        items.add(item);
    }

    /** Hands the batch to the channel now. */
    void flush() {
        ByteBuf b = batch;
        if (b == null) {
            return;
        }
        batch = null;
        if (!b.isReadable()) {
            b.release();
            return;
        }
        // One clock read for all the write carries: where an observer ends its response timers. Told
        // before the write, so that a failure the write reports at once comes after it.
        if (calls.observesWritten) {
            calls.pdusWritten(ctx.executor().ticker().nanoTime());
        }
        hand(b);
    }

    private void hand(ByteBuf b) {
        if (items.isEmpty()) {
            ctx.writeAndFlush(b, ctx.voidPromise());
        } else {
            Object[] all = items.toArray();
            items.clear();
            ctx.writeAndFlush(b).addListener(f -> written.written(all, f.cause()));
        }
    }

    /** The connection is gone: what was encoded but not written never will be. */
    void drop() {
        if (batch != null) {
            batch.release();
            batch = null;
        }
        items.clear();
    }

    /** Bytes encoded and not yet handed to the channel (for tests). */
    int pendingBytes() {
        return batch == null ? 0 : batch.readableBytes();
    }

    private void runFlushTask() {
        flushTaskQueued = false;
        flush();
    }
}
