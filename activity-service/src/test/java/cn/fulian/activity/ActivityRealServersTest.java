package cn.fulian.activity;

import static cn.fulian.starter.test.TestTokens.gudongStaff;
import static cn.fulian.starter.test.TestTokens.gulouStaff;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.activity.support.Api;
import cn.fulian.starter.test.RealServersTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** Recording activities against a real MongoDB replica set and Kafka (only where Docker runs). */
class ActivityRealServersTest extends RealServersTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aTownshipRecordsATrainingAndItsDistrictSeesIt() throws Exception {
        JsonNode recorded = Api.record(mvc, gudongStaff(), Api.training("巾帼家政技能培训班", 60, 58));

        assertThat(recorded.get("unitPath").asString()).isEqualTo("350100/350102/350102001");
        assertThat(Api.countTitled(mvc, gulouStaff(), "巾帼家政技能培训班")).isEqualTo(1);
    }
}
