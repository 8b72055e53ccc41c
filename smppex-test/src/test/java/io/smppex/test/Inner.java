package io.smppex.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that only {@link InnerTests#run} runs: some are meant to fail, so a build that
 * picks them up itself (as {@code -Dtest=Name*} does with nested classes) must skip them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Inner.OnlyWhenRunByATest.class)
@interface Inner {

    String KEY = "smppex.test.inner";

    final class OnlyWhenRunByATest implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(KEY).isPresent()
                    ? ConditionEvaluationResult.enabled("run by a test of the kit")
                    : ConditionEvaluationResult.disabled("an inner test class, run only by the kit's own tests");
        }
    }
}
