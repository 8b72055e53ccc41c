/**
 * Micrometer meters for SMPPEX sessions. {@link io.smppex.micrometer.SmppMetrics} is a
 * {@link io.smppex.SessionObserver} that every session it is given to contributes to, and a
 * {@link io.micrometer.core.instrument.binder.MeterBinder} that puts its meters into any
 * {@link io.micrometer.core.instrument.MeterRegistry} (Prometheus, OTLP, JMX, ...). The meter names
 * and tag keys are in {@link io.smppex.micrometer.SmppMeterNames}; the reasons a request ends
 * without a response are {@link io.smppex.micrometer.LostReason}.
 */
package io.smppex.micrometer;
