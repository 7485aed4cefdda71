package cn.fulian.infra.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fulian.infra.PlatformSettings;
import cn.fulian.infra.Topology;
import cn.fulian.infra.probe.PortCheck;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicasTest {

    private static PlatformSettings settings(String replicas) {
        return PlatformSettings.fromEnvironment(Map.of("PLATFORM_REPLICAS", replicas), Path.of("/repo"));
    }

    @Test
    void twoReportingInstancesAndTwoGatewaysGetPortsOfTheirOwnAndTheFrontKeepsTheGatewayPort() {
        PlatformSettings s = settings("reporting=2,gateway=2");

        assertThat(Services.all(s))
                .extracting(JavaService::id, JavaService::port)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("planning-service", 8081),
                        org.assertj.core.groups.Tuple.tuple("activity-service", 8082),
                        org.assertj.core.groups.Tuple.tuple("rights-service", 8083),
                        org.assertj.core.groups.Tuple.tuple("reporting-service", 8084),
                        org.assertj.core.groups.Tuple.tuple("reporting-service-2", 8104),
                        org.assertj.core.groups.Tuple.tuple("gateway", 8100),
                        org.assertj.core.groups.Tuple.tuple("gateway-2", 8120));
        assertThat(Services.frontedGateways(s)).extracting(JavaService::port).containsExactly(8100, 8120);
        assertThat(PortCheck.duplicates(Topology.ports(s))).isEmpty();
        assertThat(Topology.components(s)).extracting(c -> c.name()).contains("reporting-service-2", "gateway-front");
    }

    @Test
    void theGatewayReachesAServiceRunningTwiceThroughItsLoadBalancer() {
        PlatformSettings s = settings("reporting=2");

        Map<String, String> env = Services.environment(
                Services.all(s).stream()
                        .filter(JavaService::isGateway)
                        .findFirst()
                        .orElseThrow(),
                s);

        assertThat(env).containsEntry("REPORTING_URL", "lb://reporting-service");
        assertThat(env).containsEntry("PLANNING_URL", "http://127.0.0.1:8081");
        assertThat(env.get("SPRING_APPLICATION_JSON"))
                .isEqualTo("{\"spring\":{\"cloud\":{\"discovery\":{\"client\":{\"simple\":{\"instances\":{"
                        + "\"reporting-service\":[{\"uri\":\"http://127.0.0.1:8084\"},"
                        + "{\"uri\":\"http://127.0.0.1:8104\"}]}}}}}}}");
        assertThat(Services.frontedGateways(s)).isEmpty();
    }

    @Test
    void withoutReplicasEveryServiceRunsOnceOnItsOwnPort() {
        PlatformSettings s = settings("");

        assertThat(Services.all(s)).hasSize(5).allMatch(service -> service.instance() == 1);
        assertThat(Services.environment(Services.all(s).get(4), s))
                .containsEntry("REPORTING_URL", "http://127.0.0.1:8084")
                .doesNotContainKey("SPRING_APPLICATION_JSON");
    }

    @Test
    void statusAndDownSeeTheReplicasTheRunningPlatformWasStartedWith(@org.junit.jupiter.api.io.TempDir Path state)
            throws Exception {
        Replicas.parse("reporting=2,gateway=2").note(state);

        assertThat(Replicas.noted(state))
                .hasValueSatisfying(
                        noted -> assertThat(Replicas.parse(noted)).isEqualTo(Replicas.parse("gateway=2,reporting=2")));
        Replicas.none().note(state);
        assertThat(Replicas.parse(Replicas.noted(state).orElseThrow())).isEqualTo(Replicas.none());
    }

    @Test
    void aMisspelledServiceOrAnImpossibleCountIsRefusedWithTheReason() {
        assertThatThrownBy(() -> settings("reprting=2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reprting=2");
        assertThatThrownBy(() -> settings("reporting=0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 4");
        assertThatThrownBy(() -> settings("gateway=two"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'two'");
    }
}
