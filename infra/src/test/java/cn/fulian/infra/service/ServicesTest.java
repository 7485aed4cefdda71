package cn.fulian.infra.service;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.infra.PlatformSettings;
import cn.fulian.infra.Topology;
import cn.fulian.infra.probe.PortNeed;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServicesTest {

    private final PlatformSettings settings = PlatformSettings.fromEnvironment(
            Map.of("PLANNING_PORT", "28081", "KEYCLOAK_PORT", "28180", "KAFKA_PORT", "29092", "MONGO_PORT", "28017"),
            Path.of("/repo"));

    @Test
    void everyServiceGetsItsPortAndTheAddressesOfMongoKafkaAndKeycloak() {
        JavaService planning = Services.all(settings).get(0);

        assertThat(Services.environment(planning, settings))
                .containsEntry("SERVER_PORT", "28081")
                .containsEntry("MONGODB_URI", "mongodb://127.0.0.1:28017")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:29092")
                .containsEntry("KEYCLOAK_URL", "http://127.0.0.1:28180")
                .doesNotContainKey("PLANNING_URL");
    }

    @Test
    void eachServiceWritesItsOwnLogRotatedBySizeAndKeepsOnlyWarningsOnItsConsole() {
        JavaService rights = Services.all(settings).get(2);

        assertThat(Services.environment(rights, settings))
                .containsEntry("LOGGING_FILE_NAME", "/repo/.platform/logs/rights-service.log")
                .containsEntry("LOGGING_LOGBACK_ROLLINGPOLICY_MAX_FILE_SIZE", "20MB")
                .containsEntry("LOGGING_LOGBACK_ROLLINGPOLICY_TOTAL_SIZE_CAP", "200MB")
                .containsEntry("LOGGING_THRESHOLD_CONSOLE", "WARN")
                .doesNotContainKey("LOGGING_STRUCTURED_FORMAT_FILE");
    }

    @Test
    void jsonLogsAreAnOptionInTheFormatsSpringBootWrites() {
        PlatformSettings json = PlatformSettings.fromEnvironment(
                Map.of("PLATFORM_LOG_FORMAT", "ECS", "PLATFORM_LOG_MAX_FILE_SIZE", "5MB"), Path.of("/repo"));

        assertThat(Services.environment(Services.all(json).get(0), json))
                .containsEntry("LOGGING_STRUCTURED_FORMAT_FILE", "ecs")
                .containsEntry("LOGGING_LOGBACK_ROLLINGPOLICY_TOTAL_SIZE_CAP", "50MB");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> PlatformSettings.fromEnvironment(Map.of("PLATFORM_LOG_FORMAT", "xml"), Path.of("/repo")))
                .hasMessageContaining("PLATFORM_LOG_FORMAT must be one of [ecs, gelf, logstash]");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PlatformSettings.fromEnvironment(
                        Map.of("PLATFORM_LOG_MAX_FILE_SIZE", "lots"), Path.of("/repo")))
                .hasMessageContaining("PLATFORM_LOG_MAX_FILE_SIZE");
    }

    @Test
    void theFederationTellsPlanningItsTreeAndRootAndEveryServiceWhetherTheDemoIsOn() {
        cn.fulian.infra.federation.FederationSettings qingxi =
                cn.fulian.infra.federation.FederationSettings.load(Path.of("federations", "qingxi", "federation.yaml"));

        assertThat(Services.federationEnvironment(Services.all(settings).get(0), qingxi))
                .containsEntry("FULIAN_FEDERATION_DEMO", "false")
                .containsEntry("FULIAN_FEDERATION_ROOT_CODE", "350199")
                .hasEntrySatisfying(
                        "FULIAN_FEDERATION_TREE", tree -> assertThat(tree).endsWith("qingxi/org-units.yaml"));
        assertThat(Services.federationEnvironment(Services.all(settings).get(3), qingxi))
                .containsOnlyKeys("FULIAN_FEDERATION_DEMO");
    }

    @Test
    void healthAndMetricsAreOnAManagementPortAThousandAboveEachServicesPort() {
        JavaService planning = Services.all(settings).get(0);
        JavaService gateway = Services.all(settings).get(4);

        assertThat(Services.environment(planning, settings)).containsEntry("PLANNING_MANAGEMENT_PORT", "29081");
        assertThat(Services.environment(gateway, settings)).containsEntry("GATEWAY_MANAGEMENT_PORT", "9080");
        assertThat(planning.healthUrl()).isEqualTo("http://127.0.0.1:29081/actuator/health");
    }

    @Test
    void aDevelopersPlatformAndTheSystemTestsPlatformsShareNoPort() {
        List<Map<String, String>> portSets = List.of(
                Map.of(),
                Map.of(
                        "GATEWAY_PORT",
                        "28080",
                        "PLANNING_PORT",
                        "28081",
                        "ACTIVITY_PORT",
                        "28082",
                        "RIGHTS_PORT",
                        "28083",
                        "REPORTING_PORT",
                        "28084",
                        "KEYCLOAK_PORT",
                        "28180",
                        "KAFKA_PORT",
                        "29092",
                        "KAFKA_CONTROLLER_PORT",
                        "29093",
                        "MONGO_PORT",
                        "28017"),
                Map.of(
                        "GATEWAY_PORT",
                        "18080",
                        "PLANNING_PORT",
                        "18081",
                        "ACTIVITY_PORT",
                        "18082",
                        "RIGHTS_PORT",
                        "18083",
                        "REPORTING_PORT",
                        "18084",
                        "KEYCLOAK_PORT",
                        "18180",
                        // the fault test runs its own Kafka and hands it to the launcher
                        "KAFKA_BOOTSTRAP_SERVERS",
                        "127.0.0.1:45092",
                        "MONGO_PORT",
                        "18017"));
        Map<Integer, String> taken = new HashMap<>();
        for (Map<String, String> env : portSets) {
            for (PortNeed need : Topology.ports(PlatformSettings.fromEnvironment(env, Path.of("/repo")))) {
                String before =
                        taken.put(need.port(), need.owner() + " of " + env.getOrDefault("GATEWAY_PORT", "8080"));
                assertThat(before).as("port %d: %s", need.port(), need.owner()).isNull();
            }
        }
    }

    @Test
    void theGatewayLearnsWhereTheFourServicesListen() {
        JavaService gateway = Services.all(settings).get(4);

        assertThat(Services.environment(gateway, settings))
                .containsEntry("SERVER_PORT", "8080")
                .containsEntry("PLANNING_URL", "http://127.0.0.1:28081")
                .containsEntry("ACTIVITY_URL", "http://127.0.0.1:8082")
                .containsEntry("RIGHTS_URL", "http://127.0.0.1:8083")
                .containsEntry("REPORTING_URL", "http://127.0.0.1:8084");
    }

    @Test
    void aServiceRunsFromTheJarItsModuleBuilds() {
        JavaService rights = Services.all(settings).get(2);

        assertThat(Services.command(rights, settings))
                .contains("-XX:+UseSerialGC", "-Xmx384m", "-jar")
                .last()
                .isEqualTo("/repo/rights-service/target/rights-service-" + Services.VERSION + ".jar");
    }

    @Test
    void aRealMongoOrKafkaFromTheEnvironmentIsPassedOnUnchanged() {
        PlatformSettings external = PlatformSettings.fromEnvironment(
                Map.of(
                        "MONGODB_URI",
                        "mongodb://db:27017/?replicaSet=rs0",
                        "KAFKA_BOOTSTRAP_SERVERS",
                        "k1:9092,k2:9092"),
                Path.of("/repo"));

        assertThat(Services.environment(Services.all(external).get(0), external))
                .containsEntry("MONGODB_URI", "mongodb://db:27017/?replicaSet=rs0")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "k1:9092,k2:9092");
    }
}
