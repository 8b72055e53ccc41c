package io.smppex.micrometer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusNamesTest {
    private final StatusNames names = new StatusNames();

    @Test
    void definedAndVendorStatusesKeepTheirNamesAndReservedOnesShareOne() {
        assertThat(names.name(0x58)).isEqualTo("ESME_RTHROTTLED");
        assertThat(names.name(0x14)).isEqualTo("ESME_RMSGQFUL");
        assertThat(names.name(0x401)).isEqualTo("VENDOR_0x00000401");
        assertThat(names.name(0x7777)).isEqualTo(StatusNames.RESERVED);
        assertThat(names.name(StatusNames.RESERVED_CODE)).isEqualTo(StatusNames.RESERVED);
    }

    @Test
    void aPeerSendingRandomStatusesCannotGrowTheCache() {
        List<Integer> made = new ArrayList<>();
        ByStatus<String> cache = new ByStatus<>(code -> {
            made.add(code);
            return names.name(code);
        }, names);
        for (int code = 0x2000; code < 0x3000; code++) {
            assertThat(cache.get(code)).isEqualTo(StatusNames.RESERVED);
        }
        assertThat(cache.get(0)).isEqualTo("ESME_ROK");
        assertThat(cache.get(0)).isEqualTo("ESME_ROK");
        assertThat(made).containsExactly(StatusNames.RESERVED_CODE, 0);
    }
}
