/**
 * The SMPP 3.4 / 5.0 PDU model and codec.
 *
 * <p>Every command is an immutable class named after the specification ({@code submit_sm} is
 * {@link io.smppex.pdu.SubmitSm}) with typed getters for its mandatory fields, typed access to
 * every standard TLV through {@link io.smppex.pdu.TlvTag}, and a builder. {@link
 * io.smppex.pdu.PduFactory} builds the common PDUs in one call. {@link io.smppex.pdu.PduCodec}
 * encodes and decodes them over {@link io.smppex.pdu.PduInput}/{@link io.smppex.pdu.PduOutput}, so a
 * transport can work on its own buffers without copying. {@link io.smppex.pdu.PduPrinter} prints
 * them for people, with passwords masked.
 *
 * <p>This module has no runtime dependencies.
 */
package io.smppex.pdu;
