package io.smppex.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Helpers on PDUs that sessions rely on. */
class PduBehaviourTest {

    /** toBuilder().build() for any PDU; every command class has a public toBuilder(). */
    static Pdu rebuild(Pdu pdu) {
        try {
            Object builder = pdu.getClass().getMethod("toBuilder").invoke(pdu);
            return (Pdu) builder.getClass().getMethod("build").invoke(builder);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(pdu.commandName() + " has no usable toBuilder()", e);
        }
    }

    @Test
    void placeholder() {
        assertThat(rebuild(EnquireLink.create())).isEqualTo(EnquireLink.create());
    }
}
