package cn.fulian.reporting;

import cn.fulian.reporting.readmodel.RebuildCoordination;
import cn.fulian.starter.test.ServiceTest;
import cn.fulian.starter.test.fuzz.MalformedInputContract;
import java.util.List;

/** The malformed-input contract ({@link MalformedInputContract}) on the reporting service's endpoints. */
@ServiceTest
class MalformedInputTest extends MalformedInputContract {

    @Override
    protected String service() {
        return "reporting-service";
    }

    @Override
    protected List<String> mainWrites() {
        return List.of("POST /api/reports/progress-reports", "PUT /api/reports/schedules/{year}");
    }

    /** Each instance's heartbeat for rebuild coordination, written every half second. */
    @Override
    protected List<String> writtenInTheBackground() {
        return List.of(RebuildCoordination.INSTANCES);
    }
}
