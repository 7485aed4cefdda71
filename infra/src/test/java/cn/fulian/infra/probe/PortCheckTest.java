package cn.fulian.infra.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortCheckTest {

    @Test
    void aPortSomeoneListensOnIsReportedWithItsNumberAndTheVariableThatMovesIt() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            PortNeed gateway = new PortNeed(port, "gateway", "GATEWAY_PORT");

            List<PortNeed> busy = PortCheck.inUse("127.0.0.1", List.of(gateway));

            assertThat(busy).containsExactly(gateway);
            assertThat(busy.get(0).inUseMessage())
                    .contains(Integer.toString(port))
                    .contains("GATEWAY_PORT");
        }
    }

    @Test
    void aFreePortIsNotReported() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }

        assertThat(PortCheck.inUse("127.0.0.1", List.of(new PortNeed(port, "gateway", "GATEWAY_PORT"))))
                .isEmpty();
    }

    @Test
    void aPortConfiguredForTwoComponentsIsReportedBeforeAnythingStarts() {
        List<String> problems = PortCheck.duplicates(List.of(
                new PortNeed(8081, "planning-service", "PLANNING_PORT"),
                new PortNeed(8081, "gateway", "GATEWAY_PORT")));

        assertThat(problems).singleElement().asString().contains("8081", "PLANNING_PORT", "GATEWAY_PORT");
    }
}
