package io.smppex.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs {@link Inner} test classes through the JUnit Platform, as a user's build runs tests. */
final class InnerTests {

    private InnerTests() {
    }

    static EngineExecutionResults run(Class<?> inner, String... configuration) {
        EngineTestKit.Builder kit = EngineTestKit.engine("junit-jupiter").selectors(selectClass(inner))
                .configurationParameter(Inner.KEY, "true");
        for (int i = 0; i + 1 < configuration.length; i += 2) {
            kit = kit.configurationParameter(configuration[i], configuration[i + 1]);
        }
        return kit.execute();
    }

    /** Runs the one test of {@code inner}, which must fail with an AssertionError, and returns its message. */
    static String failureOf(Class<?> inner) {
        List<Event> failed = run(inner).testEvents().failed().list();
        assertThat(failed).as("failed tests of " + inner.getSimpleName()).hasSize(1);
        Throwable t = failed.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(t).isInstanceOf(AssertionError.class);
        return t.getMessage();
    }
}
