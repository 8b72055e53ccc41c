package io.smppex.sim;

/** How the simulator makes message ids. */
public enum IdFormat {
    /** 1, 2, 3... (continuing after the highest journaled id when a store is reopened). */
    INCREMENTING,
    /** Random UUIDs, 36 characters. */
    UUID,
    /** 16 random hex digits. */
    HEX
}
