package cn.fulian.system;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * A plan year no plan on the platform uses yet, so a test that writes a whole year can run again on the same state.
 * Past years first (every deadline has passed, so pace lights and lateness do not depend on today), then far-future
 * years; the console test takes the years right after the current one.
 */
public final class FreeYear {

    private FreeYear() {}

    public static synchronized int pick(PlatformApi api, String cityToken) {
        int thisYear = LocalDate.now().getYear();
        int year = IntStream.concat(
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
        openForEntry(api, cityToken, year);
        return year;
    }

    /**
     * Opens a year before last for entry as city staff do (this year and the last always take entries), and waits
     * until activity-service and rights-service know it.
     */
    public static void openForEntry(PlatformApi api, String cityToken, int year) {
        JsonNode overview = api.get(PlatformApi.GATEWAY + "/api/planning/entry-years", cityToken)
                .expect(200)
                .json();
        if (year >= overview.path("alwaysOpenFrom").asInt()) {
            return;
        }
        boolean opened = false;
        for (JsonNode y : overview.path("opened")) {
            opened |= y.path("year").asInt() == year;
        }
        if (!opened) {
            api.post(
                            PlatformApi.GATEWAY + "/api/planning/entry-years/" + year + "/open",
                            cityToken,
                            Map.of("reason", "补录" + year + "年工作台账"))
                    .expect(200);
        }
    }
}
