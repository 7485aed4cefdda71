package cn.fulian.system;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class the platform shared by every class that uses this extension, so the two-to-three-minute start is
 * paid once per test run. The platform stops when the whole run ends (JUnit closes the root store), or earlier when
 * a test that owns its platform's lifecycle starts one on the same ports.
 */
public final class SharedPlatform implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        LaunchedPlatform.shared();
        context.getRoot()
                .getStore(ExtensionContext.Namespace.create(SharedPlatform.class))
                .computeIfAbsent("stopper", key -> new Stopper(), Stopper.class);
    }

    /** Closed by JUnit once every test has run. */
    private static final class Stopper implements AutoCloseable {
        @Override
        public void close() {
            LaunchedPlatform.stopShared();
        }
    }
}
