/** Buffer adapters and hex helpers behind the codec. Not API; may change without notice. */
package io.smppex.pdu.internal;
