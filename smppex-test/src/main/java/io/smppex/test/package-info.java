/**
 * A JUnit 5 test kit for SMPP. {@link io.smppex.test.SmppSimExtension} (or
 * {@link io.smppex.test.SmppSimulatorTest}) gives each test a simulated MC, an
 * {@link io.smppex.test.SmppSim} on smppex-sim's {@link io.smppex.sim.SmppSimulator}, on a free
 * loopback port: stub its answers (they become the simulator's rules) with
 * {@link io.smppex.test.Requests} patterns and {@link io.smppex.test.Answer}s, wait for and verify
 * what it received through its {@link io.smppex.test.Journal}, send MO messages and receipts.
 * {@link io.smppex.test.FakeEsmeExtension} does the same the other way round, for those who build an
 * MC. {@link io.smppex.test.SmppAssertions} adds AssertJ assertions.
 */
package io.smppex.test;
