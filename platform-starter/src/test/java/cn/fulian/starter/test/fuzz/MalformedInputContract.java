package cn.fulian.starter.test.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Thousands of malformed requests to every write endpoint (and every list with filters) of a service: each gets a clear
 * refusal, never a 5xx or a stack trace, and a refused request stores nothing. A service's {@code MalformedInputTest}
 * extends it with the service's test annotation, naming the service and the write operations that must be among those
 * tried.
 *
 * <p>Runs in a context of its own and closes it afterwards: a malformed request the service accepts may leave a record
 * behind, which the other tests' counts must not see. The property that makes the context its own also stops MockMvc
 * from buffering a printout of thousands of requests (with 100k-character bodies) in case of failure; the report
 * names every failing request itself.
 */
@TestPropertySource(properties = "spring.test.mockmvc.print=none")
@DirtiesContext
public abstract class MalformedInputContract {

    private static final Logger log = LoggerFactory.getLogger(MalformedInputContract.class);

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    /** The service's name as its OpenAPI document and problem details give it, e.g. {@code planning-service}. */
    protected abstract String service();

    /** Operations ({@code "POST /api/…"}) the run must have tried: the service's main writes. */
    protected abstract List<String> mainWrites();

    /** Collections the service writes on its own while the requests run (heartbeats), left out of the comparison. */
    protected List<String> writtenInTheBackground() {
        return List.of();
    }

    @Test
    void malformedRequestsAreRefusedCleanlyAndWriteNothing() throws Exception {
        FuzzReport report = MalformedRequests.against(mvc, mongo)
                .service(service())
                .ignoringCollections(writtenInTheBackground().toArray(String[]::new))
                .seed(20260301L)
                .requests(2_600)
                .run();

        log.info(report.summary());
        if (!report.accepted().isEmpty()) {
            log.info(report.describeAccepted());
        }
        assertThat(report.operationNames()).containsAll(mainWrites());
        assertThat(report.requests()).isGreaterThanOrEqualTo(2_500);
        assertThat(report.violations()).as(report::describeViolations).isEmpty();
        assertThat(report.verifiedWindows()).isGreaterThan(report.uncheckedWindows());
    }
}
