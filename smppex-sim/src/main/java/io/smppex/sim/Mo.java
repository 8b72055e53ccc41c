package io.smppex.sim;

import io.smppex.pdu.field.Address;
import io.smppex.pdu.text.TextCodec;
import java.util.Objects;
import java.util.Optional;

/**
 * A mobile-originated message for {@link SmppSimulator#sendMo}: delivered as deliver_sm to a
 * receiver bound with the given system_id, split into concatenated parts (8-bit UDH) when it does
 * not fit one.
 *
 * @param systemId    the system_id whose receivers get it
 * @param source      the mobile's address
 * @param destination the short code or number it was sent to
 * @param text        the text
 * @param codec       how to encode it; null picks GSM 7-bit when the text fits it, else UCS-2
 */
public record Mo(String systemId, Address source, Address destination, String text, TextCodec codec) {

    /**
     * @param systemId    the system_id whose receivers get it
     * @param source      the mobile's address
     * @param destination the short code or number it was sent to
     * @param text        the text
     * @param codec       how to encode it; null picks GSM 7-bit when the text fits it, else UCS-2
     */
    public Mo {
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(text, "text");
    }

    /**
     * @param systemId    the system_id whose receivers get it
     * @param from        the mobile's address
     * @param to          the short code or number
     * @param text        the text
     * @return an MO with the encoding chosen by its text
     */
    public static Mo of(String systemId, String from, String to, String text) {
        return new Mo(systemId, Address.of(from), Address.of(to), text, null);
    }

    /** @param c the encoding @return this MO in encoding {@code c} */
    public Mo withCodec(TextCodec c) {
        return new Mo(systemId, source, destination, text, c);
    }

    /** {@return the chosen encoding, if one was} */
    public Optional<TextCodec> encoding() {
        return Optional.ofNullable(codec);
    }
}
