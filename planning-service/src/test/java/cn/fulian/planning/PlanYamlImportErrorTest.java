package cn.fulian.planning;

import static cn.fulian.starter.test.TestTokens.cityStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.starter.test.ServiceTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** A plan file with a wrong value is refused naming the line and the field, in words a user reads, not Java's. */
@ServiceTest
class PlanYamlImportErrorTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aYearThatIsNotANumberIsRefusedByLineAndFieldWithoutJavaTypeNames() throws Exception {
        String body = mvc.perform(MockMvcRequestBuilders.post("/api/planning/plans/import")
                        .with(cityStaff())
                        .contentType("application/yaml")
                        .content("title: 工作要点\nyear: abc\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value("文件不是有效的计划YAML(第2行,字段 year)"))
                .andExpect(jsonPath("$.errors[0].messageEn").value("not a valid plan YAML file (line 2, field year)"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(body).doesNotContain("java.", "Exception", "Cannot deserialize");
    }
}
