package io.smppex.robustness.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * On every test class of the module: before it, the leak recorder is proven to work; after it (all
 * its sessions and servers closed by then), no Netty buffer may have leaked.
 */
public final class LeakCheck implements BeforeAllCallback, AfterAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        LeakRecorder.install();
        LeakRecorder.verifyOnce();
        // Leaks of an earlier class were that class's failure, not this one's.
        LeakRecorder.collect();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> leaks = LeakRecorder.collect();
        assertThat(leaks).as("Netty buffers leaked by %s", context.getDisplayName()).isEmpty();
    }
}
