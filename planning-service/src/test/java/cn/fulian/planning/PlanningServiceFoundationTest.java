package cn.fulian.planning;

import cn.fulian.starter.test.ServiceFoundationContract;
import cn.fulian.starter.test.ServiceTest;

@ServiceTest
class PlanningServiceFoundationTest extends ServiceFoundationContract {

    @Override
    protected String apiPrefix() {
        return "/api/planning";
    }

    @Override
    protected String apiTitle() {
        return "计划与任务分解 / Planning API";
    }
}
