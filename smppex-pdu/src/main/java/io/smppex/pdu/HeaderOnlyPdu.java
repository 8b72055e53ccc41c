package io.smppex.pdu;

/** Base of the PDUs whose body is empty (they may still carry TLVs a peer sent). */
abstract class HeaderOnlyPdu extends Pdu {
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
