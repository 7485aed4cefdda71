package cn.fulian.planning.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.planning.plan.web.PlanRequest;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.dataformat.yaml.YAMLMapper;

class DemoPlanTest {

    @Test
    void everyTaskOfTheDemoPlanSaysWhereItsActualComesFromAndPassesTheRules() throws Exception {
        PlanContent content;
        try (InputStream in = new ClassPathResource("seed/plan-2026.yaml").getInputStream()) {
            content = new YAMLMapper().readValue(in, PlanRequest.class).toContent();
        }
        content.validate();
        assertThat(content.tasks())
                .hasSize(20)
                .allSatisfy(
                        t -> assertThat(t.indicator().source()).as(t.title()).isNotNull());
        assertThat(content.tasks())
                .filteredOn(t -> t.title().startsWith("信访处结率"))
                .singleElement()
                .satisfies(t -> assertThat(t.indicator().source().rightsKpi()).isEqualTo("CLOSURE_RATE"));
    }
}
