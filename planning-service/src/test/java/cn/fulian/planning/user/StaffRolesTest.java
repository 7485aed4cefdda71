package cn.fulian.planning.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fulian.starter.problem.InvalidFieldException;
import cn.fulian.starter.scope.OrgPath;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaffRolesTest {

    @Test
    void staffBecomesTheTierRoleOfTheUnit() {
        assertThat(StaffRoles.resolve(List.of("staff"), OrgPath.of("350199"))).containsExactly("city");
        assertThat(StaffRoles.resolve(List.of("staff"), OrgPath.of("350199/350199101")))
                .containsExactly("district");
        assertThat(StaffRoles.resolve(List.of("staff", "rights-officer"), OrgPath.of("350199/350199101/350199101201")))
                .containsExactly("township", "rights-officer");
    }

    @Test
    void aTierRoleThatDoesNotFitTheUnitIsRefusedOnRoles() {
        assertThatThrownBy(() -> StaffRoles.resolve(List.of("city"), OrgPath.of("350100/350102")))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("roles");
                    assertThat(e.messageZh()).contains("与所选单位的层级不符");
                });
        assertThat(StaffRoles.resolve(List.of("district"), OrgPath.of("350100/350102")))
                .containsExactly("district");
    }

    @Test
    void unknownOrNoRolesAreRefused() {
        assertThatThrownBy(() -> StaffRoles.resolve(List.of("realm-admin"), OrgPath.of("350100")))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class,
                        e -> assertThat(e.messageZh()).isEqualTo("未知角色：realm-admin"));
        assertThatThrownBy(() -> StaffRoles.resolve(List.of(), OrgPath.of("350100")))
                .isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void keycloaksOwnRolesAreNotThePlatformsToManage() {
        assertThat(StaffRoles.isManaged("default-roles-fulian")).isFalse();
        assertThat(StaffRoles.isManaged("offline_access")).isFalse();
        assertThat(StaffRoles.isManaged("admin")).isTrue();
    }
}
