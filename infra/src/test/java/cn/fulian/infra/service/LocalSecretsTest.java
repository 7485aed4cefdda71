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
    void planningGetsTheUserManagementSecretAndTheGatewayItsClientSecretBothKeptAcrossStarts() {
        LocalSecrets first = new LocalSecrets(state, Map.of());
        String adminApi = first.forService(service("planning-service")).get("KEYCLOAK_ADMIN_API_SECRET");
        String gateway = first.forService(service("gateway")).get("GATEWAY_CLIENT_SECRET");

        assertThat(adminApi).hasSizeGreaterThanOrEqualTo(40).isNotEqualTo(gateway);
        assertThat(gateway).isNotEqualTo("fulian-gateway-secret").hasSizeGreaterThanOrEqualTo(40);
        LocalSecrets restarted = new LocalSecrets(state, Map.of());
        assertThat(restarted.keycloakAdminApiSecret()).isEqualTo(adminApi);
        assertThat(restarted.gatewayClientSecret()).isEqualTo(gateway);
    }

    @Test
    void secretsSetByTheOperatorWinOverGeneratedOnes() {
        LocalSecrets secrets = new LocalSecrets(state, Map.of("GATEWAY_CLIENT_SECRET", "operator-chosen"));

        assertThat(secrets.forService(service("gateway"))).containsEntry("GATEWAY_CLIENT_SECRET", "operator-chosen");
        assertThat(state.resolve("gateway-client-secret")).doesNotExist();
    }

    @Test
    void theFirstAdministratorPasswordIsSixteenLettersOrDigitsAndStaysTheSame() {
        LocalSecrets secrets = new LocalSecrets(state, Map.of());
        assertThat(secrets.hasInitialAdminPassword()).isFalse();

        String password = secrets.initialAdminPassword();

        assertThat(password).matches("[A-Za-z0-9]{16}");
        assertThat(secrets.hasInitialAdminPassword()).isTrue();
        assertThat(new LocalSecrets(state, Map.of()).initialAdminPassword()).isEqualTo(password);
    }

    @Test
    void keycloaksOwnAdministratorGetsAMadeUpPasswordKeptInItsFileNeverAdmin() throws Exception {
        LocalSecrets secrets = new LocalSecrets(state, Map.of());

        String password = secrets.keycloakAdminPassword();

        assertThat(password).matches("[A-Za-z0-9]{20}").isNotEqualTo("admin");
        assertThat(Files.readString(secrets.keycloakAdminPasswordFile()).trim()).isEqualTo(password);
        assertThat(new LocalSecrets(state, Map.of()).keycloakAdminPassword()).isEqualTo(password);
        assertThat(new LocalSecrets(state, Map.of("KEYCLOAK_ADMIN_PASSWORD", "chosen-by-operator"))
                        .keycloakAdminPassword())
                .isEqualTo("chosen-by-operator");
    }

    @Test
    void activityAndReportingGetNoSecrets() {
        assertThat(new LocalSecrets(state, Map.of()).forService(service("activity-service")))
                .isEmpty();
        assertThat(new LocalSecrets(state, Map.of()).forService(service("reporting-service")))
                .isEmpty();
    }

    private JavaService service(String name) {
        return Services.all(settings).stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
