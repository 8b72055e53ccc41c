/**
 * A web console for the SMPPEX simulator: a live message inbox, a REST API under {@code /api/v1},
 * Server-Sent Events, Prometheus metrics and an OpenAPI document, all served by
 * {@link io.smppex.web.WebConsole} from one port (127.0.0.1:8025 by default).
 *
 * <p>The console reads and steers a simulator through {@link io.smppex.web.SimBackend}; the types
 * in this package are the shapes the API returns, in the JSON names the API documents.
 */
package io.smppex.web;
