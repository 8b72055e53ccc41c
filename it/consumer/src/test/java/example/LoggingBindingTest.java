package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The SLF4J binding the README tells users to add is the one SLF4J finds: without one it would fall
 * back to its no-operation logger and the library's logs would be lost. The build runs this once
 * with slf4j-simple and once with logback-classic and says which factory to expect.
 */
class LoggingBindingTest {

    @Test
    void slf4jLogsThroughTheBindingOnTheClasspath() {
        assertEquals(System.getProperty("expected.slf4j.factory"), LoggerFactory.getILoggerFactory().getClass().getName());
    }
}
