/**
 * Machinery behind the public API: the session engine and its parts (in-flight table, flow
 * control, idle timers, bind state, write batching, guarded calls), framing, bind-state rules and
 * transport selection. Not API; may change without notice. The module README describes the parts.
 */
package io.smppex.internal;
