package cn.fulian.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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
