package io.smppex.cli;

import java.util.Locale;
import picocli.CommandLine;

/**
 * Integers written in decimal or hex ({@code 0x34}), as SMPP field values often are. Out-of-range
 * values for one-octet fields are refused by the PDU builders with a clear message.
 */
final class IntConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        return parse(value);
    }

    static int parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("0x")) {
                return (int) Long.parseLong(v.substring(2), 16);
            }
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not an integer (decimal, or hex as 0x34)");
        }
    }
}
