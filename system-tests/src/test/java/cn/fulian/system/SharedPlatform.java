package cn.fulian.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class the platform shared by every class that uses this extension, so the two-to-three-minute start is
 * paid once per test run. The platform stops when the whole run ends (JUnit closes the root store), or earlier when
 * a test that owns its platform's lifecycle starts one of its own.
 */
public final class SharedPlatform implements BeforeAllCallback {

    private static LaunchedPlatform warmedUp;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        LaunchedPlatform platform = LaunchedPlatform.shared();
        context.getRoot()
                .getStore(ExtensionContext.Namespace.create(SharedPlatform.class))
                .computeIfAbsent("stopper", key -> new Stopper(), Stopper.class);
        warmUp(platform);
    }

    /**
     * Each service fetches Keycloak's signing keys on its first authenticated request; on a loaded machine that first
     * fetch can time out. The tests begin once every service and the gateway answer an authenticated request.
     */
    private static synchronized void warmUp(LaunchedPlatform platform) throws Exception {
        if (warmedUp == platform) {
            return;
        }
        PlatformApi api = new PlatformApi();
        String token = api.freshToken("city-staff");
        PlatformApi.eventually(Duration.ofMinutes(3), () -> {
            for (String service : LaunchedPlatform.SERVICE_PORTS.keySet()) {
                for (boolean direct : new boolean[] {false, true}) {
                    String url = PlatformApi.base(service, direct) + "/api/" + service + "/me";
                    assertThat(api.get(url, token).status()).as(url).isEqualTo(200);
                }
            }
        });
        warmedUp = platform;
    }

    /** Closed by JUnit once every test has run. */
    private static final class Stopper implements AutoCloseable {
        @Override
        public void close() {
            LaunchedPlatform.stopShared();
        }
    }
}
