package cn.fulian.gateway;

import cn.fulian.starter.test.Boundaries;
import org.junit.jupiter.api.Test;

/** The gateway keeps the platform's boundaries: no cycles between its parts, thin controllers. */
class BoundariesTest {

    @Test
    void theGatewayKeepsThePlatformsBoundaries() {
        Boundaries.all("cn.fulian.gateway").check(Boundaries.of("cn.fulian.gateway"));
    }
}
