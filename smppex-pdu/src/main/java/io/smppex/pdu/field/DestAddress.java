package io.smppex.pdu.field;

import java.util.Objects;

/** One destination of a submit_multi: an SME address (dest_flag 1) or a distribution list (dest_flag 2). */
public sealed interface DestAddress permits DestAddress.Sme, DestAddress.DistributionList {
    /** dest_flag 1: the entry is an SME address (TON, NPI, digits). */
    int FLAG_SME = 1;
    /** dest_flag 2: the entry names a distribution list the MC holds. */
    int FLAG_DISTRIBUTION_LIST = 2;

    /** {@return the dest_flag this entry is written with, {@link #FLAG_SME} or {@link #FLAG_DISTRIBUTION_LIST}} */
    int destFlag();

    /**
     * A destination that is one handset or application.
     *
     * @param address its address
     * @return the entry
     */
    static DestAddress sme(Address address) {
        return new Sme(address);
    }

    /**
     * A destination that is a distribution list the MC holds.
     *
     * @param name the list's dl_name, at most 20 characters on the wire
     * @return the entry
     */
    static DestAddress distributionList(String name) {
        return new DistributionList(name);
    }

    /**
     * An SME address.
     *
     * @param address the destination's TON, NPI and digits
     */
    record Sme(Address address) implements DestAddress {
        /**
         * Checks the address is given.
         *
         * @param address the destination's TON, NPI and digits
         */
        public Sme {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public int destFlag() {
            return FLAG_SME;
        }
    }

    /**
     * A distribution list held by the MC, named by dl_name.
     *
     * @param name the list's name, at most 20 characters on the wire
     */
    record DistributionList(String name) implements DestAddress {
        /**
         * Checks the name is given.
         *
         * @param name the list's name
         */
        public DistributionList {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public int destFlag() {
            return FLAG_DISTRIBUTION_LIST;
        }
    }
}
