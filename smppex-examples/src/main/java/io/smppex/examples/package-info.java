/**
 * Java versions of the examples in SMPPEX's documentation: {@link io.smppex.examples.SyncClient},
 * {@link io.smppex.examples.MinimalEsme}, {@link io.smppex.examples.BenchmarkEsme} and
 * {@link io.smppex.examples.SimpleMc}. Each has a {@code main} and is run by a test.
 */
package io.smppex.examples;
