package cn.fulian.rights;

import cn.fulian.starter.test.Boundaries;
import org.junit.jupiter.api.Test;

/** The rights service keeps the platform's boundaries: no cycles between features, thin controllers, plain rules. */
class BoundariesTest {

    @Test
    void theServiceKeepsThePlatformsBoundaries() {
        Boundaries.all("cn.fulian.rights").check(Boundaries.of("cn.fulian.rights"));
    }
}
