package io.smppex.bench.jmh;

import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.transcoder.DefaultPduTranscoder;
import com.cloudhopper.smpp.transcoder.DefaultPduTranscoderContext;
import com.cloudhopper.smpp.type.Address;
import com.cloudhopper.smpp.util.TlvUtil;
import io.smppex.bench.Fixtures;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduCodec;
import io.smppex.pdu.PduInput;
import io.smppex.pdu.PduOutput;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.TlvTag;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.jboss.netty.buffer.ChannelBuffer;
import org.jboss.netty.buffer.ChannelBuffers;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.DefaultDecomposer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decode and encode of the three PDUs of {@link Fixtures} with each library's own codec.
 *
 * <p>Method names are {@code <operation>_<library>}; the report groups by the part before the
 * underscore, so each operation lines up across libraries. Each library decodes the same octets
 * and encodes PDUs with the same field values. {@link #setup()} checks that, before anything is
 * timed: every encoder must produce the reference octets and every decoder must return the
 * reference fields, so no benchmark can be measuring an error path.
 *
 * <p>What "encode" includes differs only where a library leaves no choice: SMPPEX and Cloudhopper
 * encode a PDU object built once (Cloudhopper's cached command_length is cleared each time, so it
 * computes the length as we do); jSMPP has no PDU objects to encode, its composer takes the field
 * values, so its encode is "compose from fields".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBench {

    // ---- SMPPEX --------------------------------------------------------------------------------
    private PduCodec codec;
    private SubmitSm submit;
    private SubmitSmResp submitResp;
    private DeliverSm receipt;
    private byte[] submitBytes;
    private byte[] submitRespBytes;
    private byte[] receiptBytes;
    private PduInput submitIn;
    private PduInput submitRespIn;
    private PduInput receiptIn;
    /** The pooled buffer: direct, as a transport's would be, reused for every operation. */
    private ByteBuffer pooled;
    private PduOutput pooledOut;

    // ---- Cloudhopper ---------------------------------------------------------------------------
    private DefaultPduTranscoder transcoder;
    private com.cloudhopper.smpp.pdu.SubmitSm chSubmit;
    private com.cloudhopper.smpp.pdu.SubmitSmResp chSubmitResp;
    private com.cloudhopper.smpp.pdu.DeliverSm chReceipt;
    private ChannelBuffer chSubmitBuf;
    private ChannelBuffer chSubmitRespBuf;
    private ChannelBuffer chReceiptBuf;

    // ---- jSMPP ---------------------------------------------------------------------------------
    private DefaultComposer composer;
    private DefaultDecomposer decomposer;
    private OptionalParameter[] jsReceiptTlvs;

    @Setup
    public void setup() throws Exception {
        codec = PduCodec.defaults();
        submit = Fixtures.submitSm();
        submitResp = Fixtures.submitSmResp();
        receipt = Fixtures.receipt();
        submitBytes = Fixtures.submitSmBytes();
        submitRespBytes = Fixtures.submitSmRespBytes();
        receiptBytes = Fixtures.receiptBytes();
        submitIn = PduInput.of(submitBytes);
        submitRespIn = PduInput.of(submitRespBytes);
        receiptIn = PduInput.of(receiptBytes);
        pooled = ByteBuffer.allocateDirect(4096);
        pooledOut = PduOutput.of(pooled);

        transcoder = new DefaultPduTranscoder(new DefaultPduTranscoderContext());
        chSubmit = new com.cloudhopper.smpp.pdu.SubmitSm();
        chSubmit.setSequenceNumber(Fixtures.SEQ);
        chSubmit.setServiceType(Fixtures.SERVICE_TYPE);
        chSubmit.setSourceAddress(new Address((byte) Fixtures.SOURCE_TON, (byte) Fixtures.SOURCE_NPI, Fixtures.SOURCE_ADDR));
        chSubmit.setDestAddress(new Address((byte) Fixtures.DEST_TON, (byte) Fixtures.DEST_NPI, Fixtures.DEST_ADDR));
        chSubmit.setRegisteredDelivery((byte) Fixtures.REGISTERED_DELIVERY);
        chSubmit.setDataCoding((byte) Fixtures.DATA_CODING);
        chSubmit.setShortMessage(Fixtures.SUBMIT_SHORT_MESSAGE);
        chSubmitResp = new com.cloudhopper.smpp.pdu.SubmitSmResp();
        chSubmitResp.setSequenceNumber(Fixtures.SEQ);
        chSubmitResp.setMessageId(Fixtures.MESSAGE_ID);
        chReceipt = new com.cloudhopper.smpp.pdu.DeliverSm();
        chReceipt.setSequenceNumber(Fixtures.SEQ);
        chReceipt.setServiceType(Fixtures.SERVICE_TYPE);
        chReceipt.setSourceAddress(new Address((byte) Fixtures.DEST_TON, (byte) Fixtures.DEST_NPI, Fixtures.DEST_ADDR));
        chReceipt.setDestAddress(new Address((byte) Fixtures.SOURCE_TON, (byte) Fixtures.SOURCE_NPI, Fixtures.SOURCE_ADDR));
        chReceipt.setEsmClass((byte) 0x04);
        chReceipt.setDataCoding((byte) Fixtures.DATA_CODING);
        chReceipt.setShortMessage(Fixtures.RECEIPT_SHORT_MESSAGE);
        chReceipt.addOptionalParameter(TlvUtil.createNullTerminatedStringTlv(SmppConstants.TAG_RECEIPTED_MSG_ID,
                Fixtures.MESSAGE_ID));
        chReceipt.addOptionalParameter(new com.cloudhopper.smpp.tlv.Tlv(SmppConstants.TAG_MSG_STATE,
                new byte[] {(byte) Fixtures.MESSAGE_STATE_DELIVERED}));
        chSubmitBuf = ChannelBuffers.wrappedBuffer(submitBytes);
        chSubmitRespBuf = ChannelBuffers.wrappedBuffer(submitRespBytes);
        chReceiptBuf = ChannelBuffers.wrappedBuffer(receiptBytes);

        composer = new DefaultComposer();
        decomposer = new DefaultDecomposer();
        jsReceiptTlvs = new OptionalParameter[] {
            new OptionalParameter.COctetString(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code(), Fixtures.MESSAGE_ID),
            new OptionalParameter.Byte(OptionalParameter.Tag.MESSAGE_STATE, (byte) Fixtures.MESSAGE_STATE_DELIVERED),
        };

        verify();
    }

    /** Runs every benchmark once and checks its result; throws if any library does not do the work right. */
    private void verify() throws Exception {
        // Encoders: all must produce the reference octets.
        same("smppex encode submit_sm", submitBytes, encodeSubmitSm_smppex());
        same("smppex encode submit_sm_resp", submitRespBytes, encodeSubmitSmResp_smppex());
        same("smppex encode deliver_sm receipt", receiptBytes, encodeReceipt_smppex());
        same("smppex pooled submit_sm", submitBytes, pooledBytes(encodeSubmitSmPooled_smppex()));
        same("smppex pooled submit_sm (output reused)", submitBytes, pooledBytes(encodeSubmitSmPooledReusedOutput_smppex()));
        same("smppex pooled submit_sm_resp", submitRespBytes, pooledBytes(encodeSubmitSmRespPooled_smppex()));
        same("smppex pooled receipt", receiptBytes, pooledBytes(encodeReceiptPooled_smppex()));
        same("Cloudhopper encode submit_sm", submitBytes, bytes(encodeSubmitSm_cloudhopper()));
        same("Cloudhopper encode submit_sm_resp", submitRespBytes, bytes(encodeSubmitSmResp_cloudhopper()));
        same("Cloudhopper encode receipt", receiptBytes, bytes(encodeReceipt_cloudhopper()));
        same("jSMPP compose submit_sm", submitBytes, encodeSubmitSm_jsmpp());
        same("jSMPP compose submit_sm_resp", submitRespBytes, encodeSubmitSmResp_jsmpp());
        same("jSMPP compose receipt", receiptBytes, encodeReceipt_jsmpp());

        // Decoders: all must return the reference fields.
        check("smppex decode submit_sm", submit.equals(decodeSubmitSm_smppex()));
        check("smppex decode submit_sm_resp", submitResp.equals(decodeSubmitSmResp_smppex()));
        Pdu r = decodeReceipt_smppex();
        check("smppex decode receipt", receipt.equals(r)
                && Fixtures.MESSAGE_ID.equals(r.tlv(TlvTag.RECEIPTED_MESSAGE_ID).orElse(null)));

        var chs = (com.cloudhopper.smpp.pdu.SubmitSm) decodeSubmitSm_cloudhopper();
        check("Cloudhopper decode submit_sm", chs.getSequenceNumber() == Fixtures.SEQ
                && Fixtures.SOURCE_ADDR.equals(chs.getSourceAddress().getAddress())
                && chs.getSourceAddress().getTon() == Fixtures.SOURCE_TON
                && Fixtures.DEST_ADDR.equals(chs.getDestAddress().getAddress())
                && chs.getRegisteredDelivery() == Fixtures.REGISTERED_DELIVERY
                && Arrays.equals(Fixtures.SUBMIT_SHORT_MESSAGE, chs.getShortMessage()));
        var chr = (com.cloudhopper.smpp.pdu.SubmitSmResp) decodeSubmitSmResp_cloudhopper();
        check("Cloudhopper decode submit_sm_resp", chr.getSequenceNumber() == Fixtures.SEQ
                && chr.getCommandStatus() == 0 && Fixtures.MESSAGE_ID.equals(chr.getMessageId()));
        var chd = (com.cloudhopper.smpp.pdu.DeliverSm) decodeReceipt_cloudhopper();
        check("Cloudhopper decode receipt", chd.getEsmClass() == 0x04
                && Arrays.equals(Fixtures.RECEIPT_SHORT_MESSAGE, chd.getShortMessage())
                && Fixtures.MESSAGE_ID.equals(chd.getOptionalParameter(SmppConstants.TAG_RECEIPTED_MSG_ID).getValueAsString())
                && chd.getOptionalParameter(SmppConstants.TAG_MSG_STATE).getValueAsByte() == Fixtures.MESSAGE_STATE_DELIVERED);

        org.jsmpp.bean.SubmitSm jss = decodeSubmitSm_jsmpp();
        check("jSMPP decode submit_sm", jss.getSequenceNumber() == Fixtures.SEQ
                && Fixtures.SOURCE_ADDR.equals(jss.getSourceAddr()) && jss.getSourceAddrTon() == Fixtures.SOURCE_TON
                && Fixtures.DEST_ADDR.equals(jss.getDestAddress())
                && jss.getRegisteredDelivery() == Fixtures.REGISTERED_DELIVERY
                && Arrays.equals(Fixtures.SUBMIT_SHORT_MESSAGE, jss.getShortMessage()));
        org.jsmpp.bean.SubmitSmResp jsr = decodeSubmitSmResp_jsmpp();
        check("jSMPP decode submit_sm_resp", jsr.getSequenceNumber() == Fixtures.SEQ
                && jsr.getCommandStatus() == 0 && Fixtures.MESSAGE_ID.equals(jsr.getMessageId()));
        org.jsmpp.bean.DeliverSm jsd = decodeReceipt_jsmpp();
        var rid = (OptionalParameter.COctetString) jsd.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
        var st = (OptionalParameter.Byte) jsd.getOptionalParameter(OptionalParameter.Tag.MESSAGE_STATE);
        check("jSMPP decode receipt", jsd.getEsmClass() == 0x04
                && Arrays.equals(Fixtures.RECEIPT_SHORT_MESSAGE, jsd.getShortMessage())
                && rid != null && Fixtures.MESSAGE_ID.equals(rid.getValueAsString())
                && st != null && st.getValue() == Fixtures.MESSAGE_STATE_DELIVERED);
    }

    private byte[] pooledBytes(int length) {
        byte[] out = new byte[length];
        pooled.get(0, out, 0, length);
        return out;
    }

    private static byte[] bytes(ChannelBuffer b) {
        byte[] out = new byte[b.readableBytes()];
        b.getBytes(b.readerIndex(), out);
        return out;
    }

    private static void same(String what, byte[] expected, byte[] actual) {
        if (!Arrays.equals(expected, actual)) {
            throw new IllegalStateException(what + ": octets differ from the reference\n expected "
                    + hex(expected) + "\n actual   " + hex(actual));
        }
    }

    private static void check(String what, boolean ok) {
        if (!ok) {
            throw new IllegalStateException(what + ": decoded fields differ from the reference");
        }
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x));
        }
        return sb.toString();
    }

    // ==== decode ================================================================================

    @Benchmark
    public Pdu decodeSubmitSm_smppex() {
        return codec.decode(submitIn, 0, submitBytes.length);
    }

    @Benchmark
    public com.cloudhopper.smpp.pdu.Pdu decodeSubmitSm_cloudhopper() throws Exception {
        chSubmitBuf.readerIndex(0);
        return transcoder.decode(chSubmitBuf);
    }

    @Benchmark
    public org.jsmpp.bean.SubmitSm decodeSubmitSm_jsmpp() throws Exception {
        return decomposer.submitSm(submitBytes);
    }

    @Benchmark
    public Pdu decodeSubmitSmResp_smppex() {
        return codec.decode(submitRespIn, 0, submitRespBytes.length);
    }

    @Benchmark
    public com.cloudhopper.smpp.pdu.Pdu decodeSubmitSmResp_cloudhopper() throws Exception {
        chSubmitRespBuf.readerIndex(0);
        return transcoder.decode(chSubmitRespBuf);
    }

    @Benchmark
    public org.jsmpp.bean.SubmitSmResp decodeSubmitSmResp_jsmpp() throws Exception {
        return decomposer.submitSmResp(submitRespBytes);
    }

    @Benchmark
    public Pdu decodeReceipt_smppex() {
        return codec.decode(receiptIn, 0, receiptBytes.length);
    }

    @Benchmark
    public com.cloudhopper.smpp.pdu.Pdu decodeReceipt_cloudhopper() throws Exception {
        chReceiptBuf.readerIndex(0);
        return transcoder.decode(chReceiptBuf);
    }

    @Benchmark
    public org.jsmpp.bean.DeliverSm decodeReceipt_jsmpp() throws Exception {
        return decomposer.deliverSm(receiptBytes);
    }

    // ==== encode ================================================================================

    @Benchmark
    public byte[] encodeSubmitSm_smppex() {
        return codec.encode(submit);
    }

    @Benchmark
    public ChannelBuffer encodeSubmitSm_cloudhopper() throws Exception {
        chSubmit.removeCommandLength();
        return transcoder.encode(chSubmit);
    }

    @Benchmark
    public byte[] encodeSubmitSm_jsmpp() throws Exception {
        return composer.submitSm(Fixtures.SEQ, Fixtures.SERVICE_TYPE, (byte) Fixtures.SOURCE_TON,
                (byte) Fixtures.SOURCE_NPI, Fixtures.SOURCE_ADDR, (byte) Fixtures.DEST_TON, (byte) Fixtures.DEST_NPI,
                Fixtures.DEST_ADDR, (byte) 0, (byte) 0, (byte) 0, "", "", (byte) Fixtures.REGISTERED_DELIVERY, (byte) 0,
                (byte) Fixtures.DATA_CODING, (byte) 0, Fixtures.SUBMIT_SHORT_MESSAGE);
    }

    @Benchmark
    public byte[] encodeSubmitSmResp_smppex() {
        return codec.encode(submitResp);
    }

    @Benchmark
    public ChannelBuffer encodeSubmitSmResp_cloudhopper() throws Exception {
        chSubmitResp.removeCommandLength();
        return transcoder.encode(chSubmitResp);
    }

    @Benchmark
    public byte[] encodeSubmitSmResp_jsmpp() throws Exception {
        return composer.submitSmResp(Fixtures.SEQ, Fixtures.MESSAGE_ID);
    }

    @Benchmark
    public byte[] encodeReceipt_smppex() {
        return codec.encode(receipt);
    }

    @Benchmark
    public ChannelBuffer encodeReceipt_cloudhopper() throws Exception {
        chReceipt.removeCommandLength();
        return transcoder.encode(chReceipt);
    }

    @Benchmark
    public byte[] encodeReceipt_jsmpp() throws Exception {
        return composer.deliverSm(Fixtures.SEQ, Fixtures.SERVICE_TYPE, (byte) Fixtures.DEST_TON, (byte) Fixtures.DEST_NPI,
                Fixtures.DEST_ADDR, (byte) Fixtures.SOURCE_TON, (byte) Fixtures.SOURCE_NPI, Fixtures.SOURCE_ADDR,
                (byte) 0x04, (byte) 0, (byte) 0, (byte) 0, (byte) Fixtures.DATA_CODING, Fixtures.RECEIPT_SHORT_MESSAGE,
                jsReceiptTlvs);
    }

    // ==== encode into a pooled buffer (SMPPEX only; the goal is zero allocation per PDU) ========

    /** As a transport would: clear the pooled direct buffer and encode into it with PduCodec.encode(pdu, buffer). */
    @Benchmark
    public int encodeSubmitSmPooled_smppex() {
        pooled.clear();
        return codec.encode(submit, pooled);
    }

    /** The same with the PduOutput made once: tells the wrapper's cost apart from the codec's. */
    @Benchmark
    public int encodeSubmitSmPooledReusedOutput_smppex() {
        pooled.clear();
        return codec.encode(submit, pooledOut);
    }

    @Benchmark
    public int encodeSubmitSmRespPooled_smppex() {
        pooled.clear();
        return codec.encode(submitResp, pooled);
    }

    @Benchmark
    public int encodeReceiptPooled_smppex() {
        pooled.clear();
        return codec.encode(receipt, pooled);
    }
}
