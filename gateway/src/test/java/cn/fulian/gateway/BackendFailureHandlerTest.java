package cn.fulian.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Which failures of a routed call mean "the service did not answer" (503) and which "not in time" (504). */
class BackendFailureHandlerTest {

    @Test
    void aRefusedUnresolvableTimedOutOrClosedConnectionMeansTheServiceIsNotAnswering() {
        assertThat(BackendFailureHandler.unreachable(new ConnectException("Connection refused")))
                .isTrue();
        assertThat(BackendFailureHandler.unreachable(new UnknownHostException("reporting-service")))
                .isTrue();
        assertThat(BackendFailureHandler.unreachable(new ConnectTimeoutException("connection timed out")))
                .isTrue();
        assertThat(BackendFailureHandler.unreachable(
                        new IllegalStateException(new SocketException("Connection reset"))))
                .isTrue();
        assertThat(BackendFailureHandler.timedOut(new ConnectTimeoutException("connection timed out")))
                .as("a connect timeout is a service out of reach, not a slow answer")
                .isFalse();
    }

    @Test
    void noAnswerWithinTheRouteTimeoutIsATimeoutWhicheverLayerNoticedIt() {
        assertThat(BackendFailureHandler.timedOut(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT)))
                .isTrue();
        assertThat(BackendFailureHandler.timedOut(new java.util.concurrent.TimeoutException()))
                .isTrue();
        assertThat(BackendFailureHandler.timedOut(new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .isFalse();
    }

    @Test
    void aServiceIsNamedByItsPath() {
        assertThat(BackendFailureHandler.Service.of("/api/reports/dashboard").zh())
                .isEqualTo("统计报表服务");
        assertThat(BackendFailureHandler.Service.of("/api/activities").en()).isEqualTo("activity service");
        assertThat(BackendFailureHandler.Service.of("/api/unknown/x").en()).isEqualTo("service");
    }
}
