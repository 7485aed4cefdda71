package cn.fulian.planning;

import cn.fulian.starter.test.Boundaries;
import org.junit.jupiter.api.Test;

/** The planning service keeps the platform's boundaries: no cycles between features, thin controllers, plain rules. */
class BoundariesTest {

    @Test
    void theServiceKeepsThePlatformsBoundaries() {
        Boundaries.all("cn.fulian.planning").check(Boundaries.of("cn.fulian.planning"));
    }
}
