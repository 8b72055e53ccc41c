package io.smppex.pdu;

/** Base of the responses whose body is empty (they may still carry TLVs a peer sent). */
abstract sealed class HeaderOnlyPdu extends Pdu
        permits GenericNack, EnquireLinkResp, UnbindResp, ReplaceSmResp, CancelSmResp, CancelBroadcastSmResp {
    HeaderOnlyPdu(int commandStatus, int sequenceNumber, Tlvs tlvs) {
        super(commandStatus, sequenceNumber, tlvs);
    }

    @Override
    final int mandatoryLength(boolean strict) {
        return 0;
    }

    @Override
    final void writeMandatory(PduOutput out) {
    }

    @Override
    final void visitFields(FieldVisitor v) {
    }
}
