package io.smppex.pdu.field;

import java.util.Objects;

/** One destination of a submit_multi: an SME address (dest_flag 1) or a distribution list (dest_flag 2). */
public sealed interface DestAddress permits DestAddress.Sme, DestAddress.DistributionList {
    int FLAG_SME = 1;
    int FLAG_DISTRIBUTION_LIST = 2;

    /** The dest_flag this entry is written with. */
    int destFlag();

    static DestAddress sme(Address address) {
        return new Sme(address);
    }

    static DestAddress distributionList(String name) {
        return new DistributionList(name);
    }

    /** An SME address. */
    record Sme(Address address) implements DestAddress {
        public Sme {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public int destFlag() {
            return FLAG_SME;
        }
    }

    /** A distribution list held by the MC, named by dl_name. */
    record DistributionList(String name) implements DestAddress {
        public DistributionList {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public int destFlag() {
            return FLAG_DISTRIBUTION_LIST;
        }
    }
}
