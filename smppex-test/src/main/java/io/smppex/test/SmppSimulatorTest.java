package io.smppex.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives every test of the class a simulated MC, as an {@link SmppSim} parameter:
 *
 * <pre>{@code
 * @SmppSimulatorTest(accounts = "shop:secret")
 * class MyTest {
 *     @Test
 *     void sends(SmppSim mc) throws Exception {
 *         Session esme = Esme.connect(mc.host(), mc.port(), new SessionHandler() {}, mc.esmeOptions())
 *                 .get(5, TimeUnit.SECONDS);   // bound as shop/secret, the first account
 *         esme.send(PduFactory.submitSm("Shop", "447700900123", "Hi")).get(5, TimeUnit.SECONDS);
 *         mc.verify(Count.exactly(1), Requests.submitSm().to("447700900123"));
 *         esme.stop().get(5, TimeUnit.SECONDS);
 *     }
 * }
 * }</pre>
 *
 * <p>The same as registering {@link SmppSimExtension} with these settings.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SmppSimExtension.class)
public @interface SmppSimulatorTest {

    /** @return the accounts, each {@code "system_id:password"}; none means test/secret */
    String[] accounts() default {};

    /** @return how long waits last unless told, in milliseconds */
    long timeoutMillis() default 5000;

    /** @return whether the class shares one simulator, reset before each test */
    boolean perClass() default false;
}
