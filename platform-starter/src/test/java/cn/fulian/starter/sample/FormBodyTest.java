package cn.fulian.starter.sample;

import static cn.fulian.starter.test.TestTokens.gulouStaff;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.starter.test.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** A broken HTML-form body on a PUT is a wrong content type (415), not an error that escapes the handlers. */
@ServiceTest
class FormBodyTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aGarbageFormBodyOnAPutIsRefusedAsUnsupportedMediaType() throws Exception {
        mvc.perform(put("/api/sample/activities/any-id")
                        .with(gulouStaff())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content(new byte[] {(byte) 0xC3, 0x28, '%', 'z', 'z', '=', (byte) 0xFF}))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.status").value(415));
    }
}
