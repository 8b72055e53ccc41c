package io.smppex.pdu.receipt;

import java.util.List;

/**
 * Thrown by {@link DeliveryReceipt#parseStrict(String)} when a text is not a complete SMPP 3.4
 * Appendix B receipt. It names every missing and every malformed field at once, so one look at
 * the exception tells an MC implementer everything that is wrong with its output.
 *
 * <p>Field names are the receipt keys in their canonical spelling: {@code id}, {@code sub},
 * {@code dlvrd}, {@code submit date}, {@code done date}, {@code stat}, {@code err}, {@code text}.
 */
public final class ReceiptFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Fields absent from the text, canonical spelling, Appendix B order. */
    private final List<String> missingFields;
    /** Fields present but malformed, canonical spelling, Appendix B order. */
    private final List<String> invalidFields;

    /**
     * @param missingFields fields the text does not contain at all
     * @param invalidFields fields present with a value that does not have the Appendix B form
     */
    public ReceiptFormatException(List<String> missingFields, List<String> invalidFields) {
        super(message(missingFields, invalidFields));
        this.missingFields = List.copyOf(missingFields);
        this.invalidFields = List.copyOf(invalidFields);
    }

    /** {@return the fields absent from the text, in Appendix B order, e.g. {@code [stat, err]}} */
    public List<String> missingFields() {
        return missingFields;
    }

    /** {@return the fields present but malformed (e.g. a date that is not 10 or 12 digits), in Appendix B order} */
    public List<String> invalidFields() {
        return invalidFields;
    }

    private static String message(List<String> missing, List<String> invalid) {
        StringBuilder sb = new StringBuilder("not an Appendix B delivery receipt:");
        if (!missing.isEmpty()) {
            sb.append(" missing ").append(String.join(", ", missing));
        }
        if (!invalid.isEmpty()) {
            sb.append(missing.isEmpty() ? " " : "; ").append("invalid ").append(String.join(", ", invalid));
        }
        return sb.toString();
    }
}
