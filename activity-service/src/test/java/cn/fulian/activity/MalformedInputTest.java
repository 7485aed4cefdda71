package cn.fulian.activity;

import cn.fulian.starter.test.ServiceTest;
import cn.fulian.starter.test.fuzz.MalformedInputContract;
import java.util.List;

/** The malformed-input contract ({@link MalformedInputContract}) on the activity service's endpoints. */
@ServiceTest
class MalformedInputTest extends MalformedInputContract {

    @Override
    protected String service() {
        return "activity-service";
    }

    @Override
    protected List<String> mainWrites() {
        return List.of("POST /api/activities", "POST /api/activities/honours", "POST /api/activities/ledger/imports");
    }
}
