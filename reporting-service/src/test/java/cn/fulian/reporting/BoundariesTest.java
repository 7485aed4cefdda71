package cn.fulian.reporting;

import cn.fulian.starter.test.Boundaries;
import org.junit.jupiter.api.Test;

/** The reporting service keeps the platform's boundaries: no cycles between features, thin controllers, plain rules. */
class BoundariesTest {

    @Test
    void theServiceKeepsThePlatformsBoundaries() {
        Boundaries.all("cn.fulian.reporting").check(Boundaries.of("cn.fulian.reporting"));
    }
}
