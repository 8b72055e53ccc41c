/**
 * A simulated MC (SMSC) as a library: {@link io.smppex.sim.SmppSimulator} and its
 * {@link io.smppex.sim.Journal journal}, {@link io.smppex.sim.Rules scenario rules},
 * {@link io.smppex.sim.Profile profiles}, MO messages and events. Built on {@code io.smppex.Mc};
 * the command-line {@code smppex mc}, the web UI and the test kit all use it.
 */
package io.smppex.sim;
