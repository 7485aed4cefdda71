package cn.fulian.infra.service;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.infra.PlatformSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {

    @TempDir
    Path state;

    private final PlatformSettings settings = PlatformSettings.fromEnvironment(Map.of(), Path.of("/repo"));

    @Test
    void theRightsServiceGetsA256BitKeyThatStaysTheSameAcrossRestarts() throws Exception {
        JavaService rights = service("rights-service");

        String first = new LocalSecrets(state, Map.of()).forService(rights).get("RIGHTS_ENCRYPTION_KEY");
        String again = new LocalSecrets(state, Map.of()).forService(rights).get("RIGHTS_ENCRYPTION_KEY");

        assertThat(Base64.getDecoder().decode(first)).hasSize(32);
        assertThat(again).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("rights-encryption-key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aKeyFromTheEnvironmentWinsAndNothingIsWritten() {
        Map<String, String> secrets = new LocalSecrets(state, Map.of("RIGHTS_ENCRYPTION_KEY", "from-env"))
                .forService(service("rights-service"));

        assertThat(secrets).isEmpty();
        assertThat(state).isEmptyDirectory();
    }

    @Test
    void otherServicesGetNoSecrets() {
        assertThat(new LocalSecrets(state, Map.of()).forService(service("planning-service")))
                .isEmpty();
    }

    private JavaService service(String name) {
        return Services.all(settings).stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
