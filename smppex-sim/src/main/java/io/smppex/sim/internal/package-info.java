/**
 * The simulator's machinery: the engine, the journal's storage, receipt routing, rule state.
 * Not API: anything here may change without notice.
 */
package io.smppex.sim.internal;
