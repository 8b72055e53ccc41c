/**
 * Machinery behind the public API: the Netty session engine, framing, pending-request table,
 * bind-state rules and transport selection. Not API; may change without notice.
 */
package io.smppex.internal;
