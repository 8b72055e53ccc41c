package io.smppex.pdu.field;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The SMPP time format {@code YYMMDDhhmmsstnnp} used by schedule_delivery_time, validity_period,
 * final_date and broadcast_end_time: absolute times with a quarter-hour UTC offset, or relative
 * times ({@code p = 'R'}).
 *
 * <p>Years are read as 20YY. Relative months count as 30 days and years as 12 months, as SMPPEX
 * does; the MC has the final word on both.
 */
public final class SmppTime {
    private static final int MAX_QUARTERS = 48;

    private SmppTime() {
    }

    /**
     * Whether {@code s} is a well-formed SMPP time: 16 characters, digits where digits belong, a
     * real calendar date, an offset of at most 48 quarter hours and {@code +}, {@code -} or
     * {@code R} last. The empty string (no time given) is not a time; check for it first.
     *
     * @param s the field's value
     * @return {@code true} if well formed
     */
    public static boolean isValidFormat(String s) {
        if (s.length() != 16) {
            return false;
        }
        for (int i = 0; i < 15; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        char p = s.charAt(15);
        if (p == 'R') {
            return true;
        }
        if (p != '+' && p != '-') {
            return false;
        }
        int nn = Integer.parseInt(s.substring(13, 15));
        int month = Integer.parseInt(s.substring(2, 4));
        int day = Integer.parseInt(s.substring(4, 6));
        int hour = Integer.parseInt(s.substring(6, 8));
        int minute = Integer.parseInt(s.substring(8, 10));
        int second = Integer.parseInt(s.substring(10, 12));
        if (nn > MAX_QUARTERS || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
            return false;
        }
        // Day 31 of a 30-day month (or 29 February of a common year) has the right shape but is no date.
        return day <= java.time.YearMonth.of(2000 + Integer.parseInt(s.substring(0, 2)), month).lengthOfMonth();
    }

    /**
     * Whether {@code s} is a relative time (ends in {@code R}), meaning "this long from now".
     *
     * @param s the field's value
     * @return {@code true} for a 16-character value ending in {@code R}; not a full format check
     */
    public static boolean isRelative(String s) {
        return s.length() == 16 && s.charAt(15) == 'R';
    }

    /**
     * Formats an absolute time. Offsets that are not whole quarter hours, or beyond ±12 h, cannot be
     * written, so such times are converted to UTC first.
     *
     * @param time the time, with the offset to write; tenths of a second are kept
     * @return the 16-character value, e.g. {@code 250102153000004+} (15:30 at UTC+1)
     */
    public static String absolute(OffsetDateTime time) {
        int offsetSeconds = time.getOffset().getTotalSeconds();
        if (offsetSeconds % 900 != 0 || Math.abs(offsetSeconds / 900) > MAX_QUARTERS) {
            time = time.withOffsetSameInstant(ZoneOffset.UTC);
            offsetSeconds = 0;
        }
        int quarters = Math.abs(offsetSeconds / 900);
        char sign = offsetSeconds < 0 ? '-' : '+';
        return String.format("%02d%02d%02d%02d%02d%02d%d%02d%c", time.getYear() % 100, time.getMonthValue(),
                time.getDayOfMonth(), time.getHour(), time.getMinute(), time.getSecond(), time.getNano() / 100_000_000,
                quarters, sign);
    }

    /**
     * Formats a relative time such as {@code 000000000005000R} (5 seconds from now); days beyond
     * 30 become months and months beyond 12 years, as MCs read them back.
     *
     * @param d how long from now, not negative, less than 100 years
     * @return the 16-character value
     * @throws IllegalArgumentException if {@code d} is negative or too long
     */
    public static String relative(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("relative time must not be negative: " + d);
        }
        long total = d.getSeconds();
        long seconds = total % 60;
        long minutes = (total / 60) % 60;
        long hours = (total / 3600) % 24;
        long days = total / 86400;
        long months = days / 30;
        days %= 30;
        long years = months / 12;
        months %= 12;
        if (years > 99) {
            throw new IllegalArgumentException("relative time beyond 99 years: " + d);
        }
        return String.format("%02d%02d%02d%02d%02d%02d000R", years, months, days, hours, minutes, seconds);
    }

    /**
     * Parses an absolute time.
     *
     * @param s the field's value
     * @return the time with the offset it was written with
     * @throws IllegalArgumentException for relative or malformed values
     */
    public static OffsetDateTime parseAbsolute(String s) {
        if (!isValidFormat(s) || isRelative(s)) {
            throw new IllegalArgumentException("not an absolute SMPP time: '" + s + "'");
        }
        LocalDateTime local = LocalDateTime.of(2000 + num(s, 0), num(s, 2), num(s, 4), num(s, 6), num(s, 8), num(s, 10),
                (s.charAt(12) - '0') * 100_000_000);
        int quarters = num(s, 13);
        ZoneOffset offset = ZoneOffset.ofTotalSeconds((s.charAt(15) == '-' ? -1 : 1) * quarters * 900);
        return OffsetDateTime.of(local, offset);
    }

    /**
     * Parses a relative time into a duration (months are 30 days, years 12 months).
     *
     * @param s the field's value
     * @return how long from now it means
     * @throws IllegalArgumentException for absolute or malformed values
     */
    public static Duration parseRelative(String s) {
        if (!isValidFormat(s) || !isRelative(s)) {
            throw new IllegalArgumentException("not a relative SMPP time: '" + s + "'");
        }
        long days = (num(s, 0) * 12L + num(s, 2)) * 30L + num(s, 4);
        return Duration.ofDays(days).plusHours(num(s, 6)).plusMinutes(num(s, 8)).plusSeconds(num(s, 10));
    }

    private static int num(String s, int i) {
        return (s.charAt(i) - '0') * 10 + (s.charAt(i + 1) - '0');
    }
}
