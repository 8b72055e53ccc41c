package io.smppex.robustness.fuzz;

import io.smppex.robustness.support.LeakCheck;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Regression tests for what the live-session fuzzer found. Inputs live in
 * {@code src/test/resources/io/smppex/robustness/fuzz/findings/}.
 */
@Timeout(60)
@ExtendWith(LeakCheck.class)
class McSessionFuzzFindingsTest {

    /**
     * Found by Jazzer in its first minutes: a submit_sm that frames, then a header whose
     * command_length (0xC1C1C1C1) is over the cap and whose sequence_number is 0xC1C1C1C1. The
     * session ends with FRAMING_ERROR as it should, but the generic_nack it means to send first
     * cannot be encoded (sequence_number over 0x7FFFFFFF), so none is sent and ERROR
     * "cannot encode generic_nack" is logged: a remote peer can make the server log ERRORs at will.
     */
    @Test
    void highSequenceNumberOnABrokenLength() throws IOException {
        McSessionHarness.check(input("high-sequence-framing-nack"));
    }

    /**
     * The same defect where it matters more, written by hand from the finding: bound, then an
     * enquire_link numbered 0x80000003 and a submit_sm numbered 0x80000004. Neither is ever
     * answered while the session stays up, so the peer waits until its own timeout; each costs an
     * ERROR line. Expected: answered (echoing the number, which SMPP peers match on), or refused
     * with generic_nack and a number we can encode; never silence.
     */
    @Test
    void requestsNumberedOver31BitsAreAnswered() throws IOException {
        McSessionHarness.check(input("high-sequence-requests"));
    }

    private static byte[] input(String name) throws IOException {
        try (InputStream in = McSessionFuzzFindingsTest.class.getResourceAsStream("findings/" + name)) {
            return in.readAllBytes();
        }
    }
}
