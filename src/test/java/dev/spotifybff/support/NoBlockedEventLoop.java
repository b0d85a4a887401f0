package dev.spotifybff.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A blocked event loop is a defect: every test (registered for all of them through
 * META-INF/services) fails when Vert.x's blocked-thread checker warns while it runs, with the
 * checker's own line (which thread, for how long). The app of a @QuarkusTest logs through the same
 * JUL tree as the tests, so a handler on the checker's logger sees every warning.
 */
public class NoBlockedEventLoop extends Handler implements BeforeEachCallback, AfterEachCallback {

    /** For the guard's own test only, which blocks an event loop on purpose. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface BlocksOnPurpose {
    }

    private static final Logger CHECKER = Logger.getLogger("io.vertx.core.impl.BlockedThreadChecker");
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        warnings.clear();
        CHECKER.addHandler(this);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        CHECKER.removeHandler(this);
        boolean exempt = context != null
                && context.getRequiredTestClass().isAnnotationPresent(BlocksOnPurpose.class);
        if (!warnings.isEmpty() && !exempt) {
            throw new AssertionError("Vert.x reported a blocked thread during this test: " + warnings);
        }
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            warnings.add(String.valueOf(record.getMessage()));
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
