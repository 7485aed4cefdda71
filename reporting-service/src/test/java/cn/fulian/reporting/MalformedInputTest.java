package cn.fulian.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.reporting.readmodel.RebuildCoordination;
import cn.fulian.starter.test.ServiceTest;
import cn.fulian.starter.test.fuzz.FuzzReport;
import cn.fulian.starter.test.fuzz.MalformedRequests;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Thousands of malformed requests to every write endpoint (and every list with filters): each gets a clear refusal,
 * never a 5xx or a stack trace, and a refused request stores nothing.
 *
 * <p>Runs in a context of its own and closes it afterwards: a malformed request the service accepts may leave a record
 * behind, which the other tests' counts must not see. The property that makes the context its own also stops MockMvc
 * from buffering a printout of thousands of requests (with 100k-character bodies) in case of failure; the report
 * names every failing request itself.
 */
@ServiceTest
@TestPropertySource(properties = "spring.test.mockmvc.print=none")
@DirtiesContext
class MalformedInputTest {

    private static final Logger log = LoggerFactory.getLogger(MalformedInputTest.class);

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Test
    void malformedRequestsAreRefusedCleanlyAndWriteNothing() throws Exception {
        FuzzReport report = MalformedRequests.against(mvc, mongo)
                .service("reporting-service")
                // each instance's heartbeat for rebuild coordination, written every half second
                .ignoringCollections(RebuildCoordination.INSTANCES)
                .seed(20260301L)
                .requests(2_600)
                .run();

        log.info(report.summary());
        if (!report.accepted().isEmpty()) {
            log.info(report.describeAccepted());
        }
        assertThat(report.operationNames())
                .contains("POST /api/reports/progress-reports", "PUT /api/reports/schedules/{year}");
        assertThat(report.requests()).isGreaterThanOrEqualTo(2_500);
        assertThat(report.violations()).as(report::describeViolations).isEmpty();
        assertThat(report.verifiedWindows()).isGreaterThan(report.uncheckedWindows());
    }
}
