package cn.fulian.reporting;

import cn.fulian.starter.test.ServiceFoundationContract;
import cn.fulian.starter.test.ServiceTest;

@ServiceTest
class ReportingServiceFoundationTest extends ServiceFoundationContract {

    @Override
    protected String apiPrefix() {
        return "/api/reports";
    }

    @Override
    protected String apiTitle() {
        return "进度填报与统计 / Reporting API";
    }
}
