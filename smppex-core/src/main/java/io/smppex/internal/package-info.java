/**
 * Machinery behind the public API: the session engine and its parts (in-flight table, response
 * timeouts, flow control, outbound writes and write batching, idle timers and their watch, bind
 * state, undecodable input, the session's end, guarded calls), framing, bind-state rules and
 * transport selection. Not API; may change without notice. The module README describes the parts.
 */
package io.smppex.internal;
