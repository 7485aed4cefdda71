package cn.fulian.infra.deploy;

import static cn.fulian.infra.deploy.DeploymentChecks.composeIssuerProblems;
import static cn.fulian.infra.deploy.DeploymentChecks.composeSecretProblems;
import static cn.fulian.infra.deploy.DeploymentChecks.composeVolumeProblems;
import static cn.fulian.infra.deploy.DeploymentChecks.dockerignoreProblems;
import static cn.fulian.infra.deploy.DeploymentChecks.envExampleProblems;
import static cn.fulian.infra.deploy.DeploymentChecks.healthCheckProblems;
import static cn.fulian.infra.deploy.DeploymentChecks.requiredVariables;
import static cn.fulian.infra.deploy.DeploymentChecks.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.infra.deploy.DeploymentChecks.ImageFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Docker Compose files would work on their first run: checked without Docker, each check also shown to catch the
 * mistake it is there for on a copy of the files broken in memory.
 */
class ComposeFilesTest {

    static final Path INFRA = Path.of(System.getProperty("user.dir"));
    static final Path ROOT = INFRA.getParent();

    final String infraText = read("compose/infra.yml");
    final String platformText = read("compose/platform.yml");
    final JsonNode infra = yaml(infraText).get(0);
    final JsonNode platform = yaml(platformText).get(0);
    final Map<String, ImageFacts> images = DeploymentChecks.images(read("compose/Dockerfile"));

    @Test
    void everyHealthCheckCallsOnlyWhatItsImageHasInTheShellThatRunsIt() {
        assertThat(images.get(DeploymentChecks.BUILT_IMAGE).commands())
                .as("the services' image: Java, and curl because the Dockerfile installs it")
                .containsExactlyInAnyOrder("java", "curl");
        assertThat(healthCheckProblems(infra, images)).isEmpty();
        assertThat(healthCheckProblems(platform, images)).isEmpty();

        ObjectNode bashism = copy(platform);
        test(bashism, "planning-service")
                .removeAll()
                .add("CMD-SHELL")
                .add("exec 3<>/dev/tcp/127.0.0.1/$${MANAGEMENT_SERVER_PORT} && printf 'GET /actuator/health"
                        + " HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q UP <&3");
        assertThat(healthCheckProblems(bashism, images))
                .anyMatch(p -> p.startsWith("planning-service: its health check opens /dev/tcp, which only bash has")
                        && p.contains("dash"))
                .anyMatch(p -> p.startsWith("planning-service: its health check calls grep"));

        ObjectNode wget = copy(platform);
        test(wget, "gateway").removeAll().add("CMD").add("wget").add("-q").add("http://127.0.0.1:9080/");
        assertThat(healthCheckProblems(wget, images))
                .anyMatch(p -> p.startsWith("gateway: its health check calls wget"));

        ObjectNode keycloakCurl = copy(infra);
        test(keycloakCurl, "keycloak").removeAll().add("CMD-SHELL").add("curl -fsS http://127.0.0.1:9000/health/ready");
        assertThat(healthCheckProblems(keycloakCurl, images))
                .anyMatch(p -> p.startsWith("keycloak: its health check calls curl, which quay.io/keycloak"));

        ObjectNode none = copy(infra);
        ((ObjectNode) none.path("services").path("kafka")).remove("healthcheck");
        assertThat(healthCheckProblems(none, images)).anyMatch(p -> p.startsWith("kafka: no health check"));
    }

    @Test
    void everyComponentChecksTheIssuerKeycloakPutsInItsTokens() {
        JsonNode both = merged();
        assertThat(composeIssuerProblems(both)).isEmpty();

        ObjectNode internalIssuer = copy(both);
        environment(internalIssuer, "gateway").put("KEYCLOAK_URL", "http://keycloak:8180");
        assertThat(composeIssuerProblems(internalIssuer))
                .anyMatch(p -> p.startsWith("gateway accepts tokens issued by http://keycloak:8180/realms/fulian,"
                        + " but Keycloak issues them as ${PUBLIC_KEYCLOAK_URL"));

        ObjectNode fixedHostname = copy(both);
        keycloakCommand(fixedHostname).remove(4);
        ((ArrayNode) fixedHostname.path("services").path("keycloak").path("command"))
                .insert(4, "--hostname=http://127.0.0.1:8180");
        assertThat(composeIssuerProblems(fixedHostname)).hasSize(5);

        ObjectNode noBackchannel = copy(both);
        ArrayNode command = keycloakCommand(noBackchannel);
        for (int i = command.size() - 1; i >= 0; i--) {
            if (command.get(i).asString().startsWith("--hostname-backchannel-dynamic")) {
                command.remove(i);
            }
        }
        assertThat(composeIssuerProblems(noBackchannel))
                .anyMatch(p -> p.contains("without --hostname-backchannel-dynamic=true"));

        ObjectNode missing = copy(both);
        environment(missing, "reporting-service").remove("KEYCLOAK_URL");
        assertThat(composeIssuerProblems(missing)).anyMatch(p -> p.startsWith("reporting-service: no KEYCLOAK_URL"));
    }

    @Test
    void everyStatefulComponentKeepsItsDataOnANamedVolume() {
        assertThat(composeVolumeProblems(infra, images)).isEmpty();

        ObjectNode kafkaInTmp = copy(infra);
        environment(kafkaInTmp, "kafka").remove("KAFKA_LOG_DIRS");
        assertThat(composeVolumeProblems(kafkaInTmp, images))
                .containsExactly("kafka keeps its data in /tmp/kraft-combined-logs, which is on no named volume"
                        + " (mounted: [/var/lib/kafka/data]): it would be lost with the container");

        ObjectNode mongoElsewhere = copy(infra);
        ((ArrayNode) mongoElsewhere.path("services").path("mongo").path("volumes"))
                .removeAll()
                .add("mongo-data:/data/mongo");
        assertThat(composeVolumeProblems(mongoElsewhere, images))
                .anyMatch(p -> p.startsWith("mongo keeps its data in /data/db"));

        ObjectNode postgresBind = copy(infra);
        ((ArrayNode) postgresBind.path("services").path("keycloak-db").path("volumes"))
                .removeAll()
                .add("./pgdata:/var/lib/postgresql/data");
        assertThat(composeVolumeProblems(postgresBind, images))
                .anyMatch(p -> p.startsWith("keycloak-db keeps its data in /var/lib/postgresql/data"));
    }

    @Test
    void noSecretHasADefaultOrAValueInTheFilesAndEachComponentIsGivenItsOwn() {
        assertThat(composeSecretProblems("infra.yml", infraText, infra)).isEmpty();
        assertThat(composeSecretProblems("platform.yml", platformText, platform))
                .isEmpty();

        String defaulted =
                infraText.replaceFirst("\\$\\{KEYCLOAK_DB_PASSWORD:\\?[^}]*}", "\\${KEYCLOAK_DB_PASSWORD:-keycloak}");
        assertThat(composeSecretProblems("infra.yml", defaulted, yaml(defaulted).get(0)))
                .anyMatch(p -> p.startsWith("infra.yml: ${KEYCLOAK_DB_PASSWORD:-keycloak}: a secret must be required"))
                .anyMatch(p -> p.startsWith("infra.yml: keycloak-db: POSTGRES_PASSWORD is written in the file"));

        ObjectNode literal = copy(platform);
        environment(literal, "rights-service").put("RIGHTS_ENCRYPTION_KEY", "c2VjcmV0");
        assertThat(composeSecretProblems("platform.yml", platformText, literal))
                .containsExactly("platform.yml: rights-service: RIGHTS_ENCRYPTION_KEY is written in the file"
                        + " (c2VjcmV0), not required from the environment");

        ObjectNode committedDefault = copy(platform);
        environment(committedDefault, "gateway").remove("GATEWAY_CLIENT_SECRET");
        assertThat(composeSecretProblems("platform.yml", platformText, committedDefault))
                .containsExactly("platform.yml: gateway is not given GATEWAY_CLIENT_SECRET");
    }

    @Test
    void theEnvExampleListsEveryRequiredVariableAndGivesNoSecretAValue() {
        String example = read("compose/.env.example");
        Set<String> required = requiredVariables(infraText, platformText);
        assertThat(required)
                .contains(
                        "RIGHTS_ENCRYPTION_KEY",
                        "GATEWAY_CLIENT_SECRET",
                        "KEYCLOAK_ADMIN_API_SECRET",
                        "KEYCLOAK_DB_PASSWORD",
                        "KEYCLOAK_ADMIN_PASSWORD");
        assertThat(envExampleProblems(".env.example", example, required)).isEmpty();
        assertThat(example).as("the realm command reads it from the same file").contains("INITIAL_ADMIN_PASSWORD=");

        assertThat(envExampleProblems(
                        ".env.example",
                        example.replace("GATEWAY_CLIENT_SECRET=", "GATEWAY_CLIENT_SECRET=change-me"),
                        required))
                .containsExactly(
                        ".env.example gives GATEWAY_CLIENT_SECRET a value: an example secret would be deployed as it is");
        assertThat(envExampleProblems(".env.example", example.replace("KEYCLOAK_DB_PASSWORD=", ""), required))
                .containsExactly(".env.example does not list KEYCLOAK_DB_PASSWORD, which must be set");
    }

    @Test
    void theImageBuildContextHoldsTheModulesJarsAndNeitherTheStateFolderNorTheRepository() {
        String dockerignore = readRoot(".dockerignore");
        List<String> jars = new ArrayList<>();
        for (String module : DeploymentChecks.COMPONENTS) {
            jars.add(module + "/target/" + module + "-0.1.0-SNAPSHOT.jar");
        }
        List<String> secrets =
                List.of(".platform/secrets/gateway-client-secret", ".git/config", "infra/compose/.env", "pom.xml");
        assertThat(read("compose/Dockerfile")).contains("COPY ${MODULE}/target/${MODULE}-*.jar app.jar");
        assertThat(dockerignoreProblems(dockerignore, jars, secrets)).isEmpty();

        String everything = dockerignore.replaceFirst("(?m)^\\*$", "");
        assertThat(dockerignoreProblems(everything, jars, secrets))
                .contains(".dockerignore lets .platform/secrets/gateway-client-secret into every image build's"
                        + " context");
        String noGateway = dockerignore.replace("!gateway/target/gateway-*.jar", "");
        assertThat(dockerignoreProblems(noGateway, jars, secrets))
                .containsExactly(".dockerignore keeps out gateway/target/gateway-0.1.0-SNAPSHOT.jar, which the"
                        + " Dockerfile copies");
    }

    /** Both files as Compose merges them: {@code -f infra.yml -f platform.yml}. */
    private JsonNode merged() {
        ObjectNode both = copy(infra);
        platform.path("services")
                .properties()
                .forEach(e -> ((ObjectNode) both.path("services")).set(e.getKey(), e.getValue()));
        return both;
    }

    private static ObjectNode copy(JsonNode node) {
        return (ObjectNode) node.deepCopy();
    }

    private static ArrayNode test(ObjectNode compose, String service) {
        return (ArrayNode)
                compose.path("services").path(service).path("healthcheck").path("test");
    }

    private static ObjectNode environment(ObjectNode compose, String service) {
        return (ObjectNode) compose.path("services").path(service).path("environment");
    }

    private static ArrayNode keycloakCommand(ObjectNode compose) {
        ArrayNode command =
                (ArrayNode) compose.path("services").path("keycloak").path("command");
        assertThat(command.get(4).asString()).startsWith("--hostname=");
        return command;
    }

    static String read(String path) {
        try {
            return Files.readString(INFRA.resolve(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String readRoot(String path) {
        try {
            return Files.readString(ROOT.resolve(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
