package cn.fulian.starter.sample;

import static cn.fulian.starter.test.TestTokens.gulouStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.starter.outbox.OutboxRelay;
import cn.fulian.starter.test.Eventually;
import cn.fulian.starter.test.RealServersTest;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Against real MongoDB and Kafka: a recorded activity is published through the outbox and rolled up exactly once. */
class RealServersSampleTest extends RealServersTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @Test
    void aRecordedActivityReachesTheRollUpOfItsUnitAndAncestorsOnce() throws Exception {
        mvc.perform(post("/api/sample/activities")
                        .with(gulouStaff())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"巾帼创业培训\",\"participants\":42,\"day\":\"2026-05-01\"}"))
                .andExpect(status().isCreated());

        Eventually.within(Duration.ofSeconds(60), "roll-up", () -> participants("350100") == 42);
        assertThat(participants("350100/350102")).isEqualTo(42);
        assertThat(relay.pendingCount()).isZero();
    }

    private long participants(String unit) {
        Document d = mongo.findById(unit, Document.class, "totals");
        return d == null ? 0 : ((Number) d.get("participants")).longValue();
    }
}
