/**
 * Outbound pacing for a session: a token-bucket rate limit counted in message parts, and typed
 * handling of the MC's ESME_RTHROTTLED and ESME_RMSGQFUL answers (pause the session's sending,
 * then retry under a {@link io.smppex.pacing.RetryPolicy}).
 *
 * <p>Set {@link io.smppex.pacing.Pacing} on {@link io.smppex.EsmeOptions.Builder#pacing}: every
 * session an {@link io.smppex.Esme} connects is then a {@link io.smppex.pacing.PacedSession}. Any
 * other session (an MC's, for its deliver_sm) can be wrapped with
 * {@link io.smppex.pacing.Pacing#wrap}. The layer runs on the session's event loop and never blocks
 * it: requests that must wait sit in a bounded queue until a timer on that loop releases them.
 *
 * <p>Every request still ends exactly once. One that is throttled and retried ends with the
 * response to its last attempt; one that runs out of attempts ends with the throttling response
 * itself, so its command_status says why. Requests still waiting when the session ends fail with
 * {@link io.smppex.SessionClosedException}. {@link io.smppex.pacing.PacedSession#stats()} counts
 * throttled, retried and given-up requests, and the session's {@link io.smppex.SessionObserver}
 * hears of each retry and give-up, so metrics can count them.
 */
package io.smppex.pacing;
