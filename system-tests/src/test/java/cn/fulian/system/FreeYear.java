package cn.fulian.system;

import java.time.LocalDate;
import java.util.stream.IntStream;

/**
 * A plan year no plan on the platform uses yet, so a test that writes a whole year can run again on the same state.
 * Past years first (every deadline has passed, so pace lights and lateness do not depend on today), then far-future
 * years; the console test takes the years right after the current one.
 */
public final class FreeYear {

    private FreeYear() {}

    public static synchronized int pick(PlatformApi api, String cityToken) {
        int thisYear = LocalDate.now().getYear();
        return IntStream.concat(
                        IntStream.iterate(thisYear - 1, y -> y >= 2000, y -> y - 1),
                        IntStream.iterate(2100, y -> y > thisYear + 20, y -> y - 1))
                .filter(y -> api.get(PlatformApi.GATEWAY + "/api/planning/plans?year=" + y, cityToken)
                                .expect(200)
                                .json()
                                .path("total")
                                .asLong(-1)
                        == 0)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("every plan year from 2000 to 2100 is taken"));
    }
}
