/**
 * Text in SMPP messages: {@code data_coding} values, the GSM 03.38 default alphabet and septet
 * packing, codecs for the other character sets, User Data Headers, splitting long messages into
 * parts (UDH, SAR TLVs or message_payload) and reassembling received parts.
 *
 * <p>GSM 7-bit text can use the national language tables of TS 23.038 Annex A (Turkish, Spanish,
 * Portuguese and ten Indian languages, {@link io.smppex.pdu.text.NationalLanguage}), named in
 * each part's UDH; {@link io.smppex.pdu.text.EncodedText#encode(String,
 * io.smppex.pdu.text.EncodingOptions)} picks the encoding that needs the fewest parts among what
 * {@link io.smppex.pdu.text.EncodingOptions} allows.
 *
 * <p>Start with {@link io.smppex.pdu.text.MessageSplitter} to send text and
 * {@link io.smppex.pdu.text.Reassembler} with {@link io.smppex.pdu.text.TextCodec#forDataCoding(int)}
 * to receive it.
 *
 * <p><b>data_coding 0 is MC-specific.</b> SMPP defines 0 as "MC default alphabet". Most MCs take
 * it as GSM 03.38 with one septet per octet ({@link io.smppex.pdu.text.TextCodec#GSM7}), which is
 * what this package assumes by default; others expect packed septets
 * ({@link io.smppex.pdu.text.TextCodec#GSM7_PACKED}) or treat 0 as ASCII or Latin-1. Agree it
 * with each MC and pass the matching codec, e.g.
 * {@code TextCodec.forDataCoding(dc, TextCodec.LATIN1)}.
 *
 * <p>Nothing here logs, blocks or depends on anything outside the JDK.
 */
package io.smppex.pdu.text;
