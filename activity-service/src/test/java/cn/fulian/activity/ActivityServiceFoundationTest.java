package cn.fulian.activity;

import cn.fulian.starter.test.ServiceFoundationContract;
import cn.fulian.starter.test.ServiceTest;

@ServiceTest
class ActivityServiceFoundationTest extends ServiceFoundationContract {

    @Override
    protected String apiPrefix() {
        return "/api/activities";
    }

    @Override
    protected String apiTitle() {
        return "活动与荣誉 / Activity API";
    }
}
