package cn.fulian.activity;

import cn.fulian.starter.test.Boundaries;
import org.junit.jupiter.api.Test;

/** The activity service keeps the platform's boundaries: no cycles between features, thin controllers, plain rules. */
class BoundariesTest {

    @Test
    void theServiceKeepsThePlatformsBoundaries() {
        Boundaries.all("cn.fulian.activity").check(Boundaries.of("cn.fulian.activity"));
    }
}
