package io.smppex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SimPrinterTimeTest {

    @Test
    void theHandWrittenTimeIsWhatDateTimeFormatterWrites() {
        Random rnd = new Random(11);
        // Whole-hour, half-hour and 45-minute offsets, daylight saving, and a zone with no rules.
        for (String z : List.of("UTC", "Europe/Berlin", "Asia/Kolkata", "Asia/Kathmandu", "America/St_Johns", "Pacific/Chatham")) {
            ZoneId zone = ZoneId.of(z);
            DateTimeFormatter f = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(zone);
            for (int i = 0; i < 5_000; i++) {
                // From 1900 to 2100, at nanosecond precision: before 1970 the seconds are negative.
                Instant t = Instant.ofEpochSecond(-2_208_988_800L + (long) (rnd.nextDouble() * 6_311_433_600L),
                        rnd.nextInt(1_000_000_000));
                assertThat(SimPrinter.time(t, zone)).as("%s in %s", t, z).isEqualTo(f.format(t));
            }
        }
        assertThat(SimPrinter.time(Instant.parse("2026-12-06T23:59:59.999999999Z"), ZoneId.of("UTC"))).isEqualTo("23:59:59.999");
        assertThat(SimPrinter.time(Instant.parse("1969-12-31T23:59:59.001Z"), ZoneId.of("UTC"))).isEqualTo("23:59:59.001");
    }
}
