/**
 * The value types of SMPP's fields: addresses with their TON and NPI, esm_class,
 * registered_delivery, interface_version, bind modes, message states, network error codes,
 * SMPP times, command ids and command statuses.
 *
 * <p>This package depends on nothing but the JDK, so that the PDU classes, the text and receipt
 * packages and users' own code can all share these types without a cycle.
 */
package io.smppex.pdu.field;
