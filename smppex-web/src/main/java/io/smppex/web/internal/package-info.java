/**
 * Machinery of the web console: the Netty HTTP pipeline, the routes, the event stream hub and the
 * JSON mapping. Not an API: anything here may change.
 */
package io.smppex.web.internal;
