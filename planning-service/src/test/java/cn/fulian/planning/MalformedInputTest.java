package cn.fulian.planning;

import cn.fulian.starter.test.ServiceTest;
import cn.fulian.starter.test.fuzz.MalformedInputContract;
import java.util.List;

/** The malformed-input contract ({@link MalformedInputContract}) on the planning service's endpoints. */
@ServiceTest
class MalformedInputTest extends MalformedInputContract {

    @Override
    protected String service() {
        return "planning-service";
    }

    @Override
    protected List<String> mainWrites() {
        return List.of(
                "POST /api/planning/plans",
                "PUT /api/planning/plans/{id}",
                "POST /api/planning/assignments/{id}/allocations",
                "POST /api/planning/org-units");
    }
}
