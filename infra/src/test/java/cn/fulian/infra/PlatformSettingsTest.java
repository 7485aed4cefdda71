package cn.fulian.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fulian.infra.process.RestartPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformSettingsTest {

    @Test
    void defaultsAreTheDocumentedLocalAddresses() {
        PlatformSettings s = PlatformSettings.fromEnvironment(Map.of(), Path.of("/repo"));

        assertThat(s.state()).isEqualTo(Path.of("/repo/.platform"));
        assertThat(s.gatewayUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(s.keycloakUrl()).isEqualTo("http://127.0.0.1:8180");
        assertThat(s.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(s.kafkaControllerPort()).isEqualTo(9093);
        assertThat(s.mongoUri()).isEqualTo("mongodb://127.0.0.1:27017");
        assertThat(s.externalKafka()).isEmpty();
        assertThat(s.externalMongoUri()).isEmpty();
        assertThat(s.readyTimeout()).hasSeconds(180);
        assertThat(s.restartPolicy()).isEqualTo(RestartPolicy.DEFAULT);
        assertThat(s.restartPolicy().describeLimit()).isEqualTo("5 restarts in 10 min");
    }

    @Test
    void theRestartPolicyComesFromTheEnvironment() {
        PlatformSettings s = PlatformSettings.fromEnvironment(
                Map.of(
                        "PLATFORM_RESTART_LIMIT", "2",
                        "PLATFORM_RESTART_WINDOW", "3",
                        "PLATFORM_RESTART_BACKOFF", "2",
                        "PLATFORM_RESTART_BACKOFF_MAX", "8"),
                Path.of("/repo"));

        assertThat(s.restartPolicy())
                .isEqualTo(new RestartPolicy(2, Duration.ofMinutes(3), Duration.ofSeconds(2), Duration.ofSeconds(8)));
        assertThatThrownBy(() -> PlatformSettings.fromEnvironment(Map.of("PLATFORM_RESTART_LIMIT", "-1"), Path.of("/")))
                .hasMessageContaining("PLATFORM_RESTART_LIMIT");
        assertThatThrownBy(() -> PlatformSettings.fromEnvironment(
                        Map.of("PLATFORM_RESTART_BACKOFF", "10", "PLATFORM_RESTART_BACKOFF_MAX", "5"), Path.of("/")))
                .hasMessageContaining("PLATFORM_RESTART_BACKOFF_MAX");
    }

    @Test
    void aSecondPlatformMovesEveryPortIncludingKeycloaksManagementPort() {
        PlatformSettings s = PlatformSettings.fromEnvironment(
                Map.of("KEYCLOAK_PORT", "28180", "PLATFORM_STATE", "/tmp/second"), Path.of("/repo"));

        assertThat(s.keycloakManagementPort()).isEqualTo(28181);
        assertThat(s.state()).isEqualTo(Path.of("/tmp/second"));
        assertThat(Topology.ports(s)).extracting(p -> p.port()).doesNotHaveDuplicates();
    }

    @Test
    void aPortThatIsNotANumberIsRejectedNamingTheVariable() {
        assertThatThrownBy(() -> PlatformSettings.fromEnvironment(Map.of("GATEWAY_PORT", "80a"), Path.of("/repo")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GATEWAY_PORT")
                .hasMessageContaining("80a");
    }

    @Test
    void withARealKafkaAndMongoTheLauncherNeitherRunsNorReservesTheirPorts() {
        PlatformSettings s = PlatformSettings.fromEnvironment(
                Map.of("MONGODB_URI", "mongodb://db:27017", "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"), Path.of("/repo"));

        assertThat(Topology.components(s)).extracting(Component::name).doesNotContain(Topology.KAFKA, Topology.MONGO);
        assertThat(Topology.ports(s)).extracting(p -> p.port()).doesNotContain(9092, 9093, 27017);
    }
}
