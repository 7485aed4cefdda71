package cn.fulian.rights;

import cn.fulian.starter.test.ServiceTest;
import cn.fulian.starter.test.fuzz.MalformedInputContract;
import java.util.List;

/** The malformed-input contract ({@link MalformedInputContract}) on the rights service's endpoints. */
@ServiceTest
class MalformedInputTest extends MalformedInputContract {

    @Override
    protected String service() {
        return "rights-service";
    }

    @Override
    protected List<String> mainWrites() {
        return List.of(
                "POST /api/rights/cases", "POST /api/rights/cases/{id}/steps", "POST /api/rights/cases/{id}/close");
    }
}
