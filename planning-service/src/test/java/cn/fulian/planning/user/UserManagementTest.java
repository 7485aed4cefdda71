package cn.fulian.planning.user;

import static cn.fulian.starter.test.TestTokens.admin;
import static cn.fulian.starter.test.TestTokens.gulouStaff;
import static cn.fulian.starter.test.TestTokens.user;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.test.ServiceTest;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Account management is for admins, each within its own unit and below; what the platform can check itself (role,
 * scope, the unit, the roles and the account name) is checked before Keycloak is asked. The Keycloak side is tested
 * against the real Keycloak in the system tests; here no admin client secret is set, so a valid change answers 503.
 */
@ServiceTest
class UserManagementTest {

    private static final RequestPostProcessor GULOU_ADMIN = user("gulou-admin", "350100/350102", "admin");

    @Autowired
    MockMvc mvc;

    @Autowired
    PlatformUserRepository users;

    @BeforeEach
    void directory() {
        users.deleteAll();
        users.save(account("k-1", "gulou-a", "350100/350102", "district"));
        users.save(account("k-2", "gudong-a", "350100/350102/350102001", "township"));
        users.save(account("k-3", "cangshan-a", "350100/350104", "district"));
        users.save(account("k-4", "city-a", "350100", "city"));
    }

    @Test
    void staffWhoAreNotAdminsAreForbiddenEveryAction() throws Exception {
        mvc.perform(get("/api/planning/users").with(gulouStaff())).andExpect(status().isForbidden());
        mvc.perform(get("/api/planning/users/gudong-a").with(gulouStaff())).andExpect(status().isForbidden());
        mvc.perform(post("/api/planning/users")
                        .with(gulouStaff())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(newUser("x-user", "350102001", "\"staff\"")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("仅管理员可管理账号")));
        mvc.perform(post("/api/planning/users/gudong-a/disable").with(gulouStaff()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/planning/users/gudong-a/reset-password").with(gulouStaff()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aUnitAdminListsOnlyAccountsOfItsOwnUnitAndBelow() throws Exception {
        mvc.perform(get("/api/planning/users").with(GULOU_ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[*].username").value(containsInAnyOrder("gulou-a", "gudong-a")));
        mvc.perform(get("/api/planning/users?unitCode=350102&withSubunits=false")
                        .with(GULOU_ADMIN))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].username").value("gulou-a"))
                .andExpect(jsonPath("$.items[0].roleLabels[0]").value("工作人员（二级单位）"));
        mvc.perform(get("/api/planning/users").with(admin()))
                .andExpect(jsonPath("$.total").value(4));
        mvc.perform(get("/api/planning/users?q=GUDONG").with(admin()))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void anAccountOrUnitOutsideTheAdminsSubtreeDoesNotExistForIt() throws Exception {
        mvc.perform(get("/api/planning/users/cangshan-a").with(GULOU_ADMIN)).andExpect(status().isNotFound());
        mvc.perform(post("/api/planning/users/cangshan-a/disable").with(GULOU_ADMIN))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/planning/users/cangshan-a")
                        .with(GULOU_ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"某\",\"unitCode\":\"350104\",\"roles\":[\"staff\"]}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/planning/users")
                        .with(GULOU_ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(newUser("new-cangshan", "350104", "\"staff\"")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("单位 350104")));
        mvc.perform(get("/api/planning/users?unitCode=350104").with(GULOU_ADMIN))
                .andExpect(status().isNotFound());
    }

    @Test
    void badInputIsRefusedOnTheFieldItConcerns() throws Exception {
        mvc.perform(post("/api/planning/users")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(newUser("Bad Name!", "350102", "\"staff\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("username"));
        mvc.perform(post("/api/planning/users")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(newUser("new-user", "350102", "\"city\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("与所选单位的层级不符")));
        mvc.perform(post("/api/planning/users")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(newUser("new-user", "350102", "")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles"));
        mvc.perform(post("/api/planning/users")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(newUser("gulou-a", "350102", "\"staff\"")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("已被使用")));
    }

    @Test
    void anAdminCannotDisableItselfOrDropItsOwnAdminRole() throws Exception {
        users.save(account("k-5", "gulou-admin", "350100/350102", "admin"));

        mvc.perform(post("/api/planning/users/gulou-admin/disable").with(GULOU_ADMIN))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("不能停用自己的账号")));
        mvc.perform(put("/api/planning/users/gulou-admin")
                        .with(GULOU_ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"某\",\"unitCode\":\"350102\",\"roles\":[\"staff\"]}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("不能取消自己的管理员角色")));
    }

    @Test
    void withoutKeycloakAValidChangeAnswers503AndWritesNothing() throws Exception {
        mvc.perform(post("/api/planning/users")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(newUser("new-user", "350102001", "\"staff\"")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "10"))
                .andExpect(jsonPath("$.detail").value(containsString("用户管理未配置")));
        mvc.perform(get("/api/planning/users?q=new-user").with(admin()))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void theRolesAnAdminMayGiveAreListedWithLabels() throws Exception {
        mvc.perform(get("/api/planning/users/roles").with(admin()))
                .andExpect(
                        jsonPath("$[*].role").value(containsInAnyOrder("staff", "leader", "rights-officer", "admin")))
                .andExpect(jsonPath("$[0].label").value("工作人员（按单位层级）"));
    }

    private static String newUser(String username, String unitCode, String roles) {
        return "{\"username\":\"" + username + "\",\"name\":\"王芳\",\"unitCode\":\"" + unitCode + "\",\"roles\":["
                + roles + "]}";
    }

    private static PlatformUser account(String id, String username, String path, String role) {
        return PlatformUser.of(id, username, username, OrgPath.of(path), Set.of(role), true, Instant.now(), "test");
    }
}
