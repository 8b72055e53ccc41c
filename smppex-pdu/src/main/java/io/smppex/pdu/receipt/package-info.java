/**
 * Delivery receipts: reading them as an ESME and writing them as an MC.
 *
 * <p>A receipt travels in a deliver_sm or data_sm in two forms that may disagree: the SMPP 3.4
 * Appendix B text in the user data ({@code id:... sub:... dlvrd:... submit date:... done date:...
 * stat:... err:... text:...}) and, authoritative in 5.0, the receipted_message_id, message_state and
 * network_error_code TLVs.
 *
 * <ul>
 * <li>{@link io.smppex.pdu.receipt.ReceiptView} is the entry point for an ESME: one view of a
 *     received PDU, preferring the TLVs and falling back to the text.</li>
 * <li>{@link io.smppex.pdu.receipt.DeliveryReceipt} is the text as a value: a tolerant parser for
 *     what MCs really send, a strict one for checking an MC, and the canonical formatter.</li>
 * <li>{@link io.smppex.pdu.receipt.ReceiptIds} matches a receipt's id to a submission when the MC
 *     writes the same id in hex in one place and in decimal in another.</li>
 * <li>{@link io.smppex.pdu.receipt.ReceiptTlvs} reads and writes the receipt TLVs.</li>
 * <li>{@link io.smppex.pdu.receipt.Receipts} builds the receipt deliver_sm an MC sends for a
 *     submit_sm.</li>
 * </ul>
 *
 * <p>Everything here is immutable or stateless and safe to share between threads.
 */
package io.smppex.pdu.receipt;
