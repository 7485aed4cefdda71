package cn.fulian.starter.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fulian.starter.problem.ForbiddenException;
import cn.fulian.starter.problem.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class OrgScopeTest {

    static final OrgPath CITY = OrgPath.of("350100");
    static final OrgPath GULOU = OrgPath.of("350100/350102");
    static final OrgPath CANGSHAN = OrgPath.of("350100/350104");
    static final OrgPath GUDONG = OrgPath.of("350100/350102/350102001");

    private static OrgScope scope(OrgPath unit, String... roles) {
        return new OrgScope("u", unit, Level.ofDepth(unit.depth()), Set.of(roles));
    }

    @Test
    void districtSeesItselfAndItsTownshipsButNotItsParentOrSibling() {
        OrgScope gulou = scope(GULOU, Role.DISTRICT);

        assertThat(gulou.canSee(GULOU)).isTrue();
        assertThat(gulou.canSee(GUDONG)).isTrue();
        assertThat(gulou.canSee(CITY)).isFalse();
        assertThat(gulou.canSee(CANGSHAN)).isFalse();
    }

    @Test
    void aCodeThatMerelyStartsWithTheSameDigitsIsNotBelow() {
        OrgScope gulou = scope(GULOU, Role.DISTRICT);

        assertThat(gulou.canSee(OrgPath.of("350100/350102-001"))).isFalse();
        assertThat("350100/350102-001/350102-001-001").doesNotMatch(gulou.subtreeRegex() + ".*");
        assertThat("350100/350102/350102001").matches(gulou.subtreeRegex() + ".*");
    }

    @Test
    void staffOfEveryLevelActWhileLeadersAndAdminsOnlyRead() {
        assertThat(scope(CITY, Role.CITY).isStaff()).isTrue();
        assertThat(scope(GULOU, Role.DISTRICT).isStaff()).isTrue();
        assertThat(scope(GUDONG, Role.TOWNSHIP).isStaff()).isTrue();
        assertThat(scope(CITY, Role.LEADER).isStaff()).isFalse();
        assertThatThrownBy(() -> scope(CITY, Role.ADMIN).requireStaff("编制计划")).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void parentIsOnlyTheDirectParent() {
        assertThat(scope(CITY).isParentOf(GULOU)).isTrue();
        assertThat(scope(CITY).isParentOf(GUDONG)).isFalse();
        assertThat(scope(GULOU).isParentOf(GUDONG)).isTrue();
        assertThat(scope(CANGSHAN).isParentOf(GUDONG)).isFalse();
    }

    @Test
    void outsideTheScopeIsNotFoundAndAMissingRoleIsForbidden() {
        OrgScope cangshan = scope(CANGSHAN, Role.DISTRICT);

        assertThatThrownBy(() -> cangshan.requireVisible(GULOU, "assignment")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> cangshan.requireRole(Role.ADMIN, "admins only"))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void pathKnowsItsAncestorsFromTheCityDown() {
        assertThat(GUDONG.selfAndAncestors()).containsExactly(CITY, GULOU, GUDONG);
        assertThat(GUDONG.parent()).isEqualTo(GULOU);
        assertThat(GUDONG.code()).isEqualTo("350102001");
        assertThat(GUDONG.depth()).isEqualTo(3);
        assertThatThrownBy(CITY::parent).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void malformedPathsAreRejected() {
        for (String bad : new String[] {
            "",
            "3501",
            "350100/",
            "/350100",
            "350100//350102",
            "350100/../x",
            "abc",
            "350100/3501029",
            "350100/350102-01",
            "350000/350100/350102/350102001/350102001001/350102001001-001/350102001001-001-001"
        }) {
            assertThat(OrgPath.isValid(bad)).as(bad).isFalse();
        }
    }

    @Test
    void pathsHoldDivisionAndInternalCodesSixDeep() {
        assertThat(OrgPath.isValid("350100/350102/350102-001/350102-001-002")).isTrue();
        assertThat(OrgPath.isValid("350000/350100/350102/350102001/350102001001/350102001001-001"))
                .isTrue();
        assertThat(OrgPath.of("350100/350102/350102-001").parent()).isEqualTo(GULOU);
    }

    @Test
    void scopeComesFromTheTokensUnitClaimAndRealmRoles() {
        Jwt jwt = token(Map.of(
                "preferred_username", "gulou-rights",
                "org_unit", "350100/350102",
                "realm_access", Map.of("roles", List.of("district", "rights-officer", "default-roles-fulian"))));

        OrgScope scope = OrgScopes.fromJwt(jwt);

        assertThat(scope.unit()).isEqualTo(GULOU);
        assertThat(scope.level()).isEqualTo(Level.DISTRICT);
        assertThat(scope.hasRole(Role.RIGHTS_OFFICER)).isTrue();
        assertThat(scope.username()).isEqualTo("gulou-rights");
    }

    @Test
    void leaderWithoutALevelRoleTakesTheLevelOfItsUnit() {
        OrgScope scope = OrgScopes.fromJwt(
                token(Map.of("org_unit", "350100", "realm_access", Map.of("roles", List.of("leader")))));

        assertThat(scope.level()).isEqualTo(Level.CITY);
    }

    @Test
    void aTokenWithoutAValidUnitIsForbidden() {
        assertThatThrownBy(() -> OrgScopes.fromJwt(token(Map.of("org_unit", "350100/../350104"))))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> OrgScopes.fromJwt(token(Map.of("preferred_username", "nobody"))))
                .isInstanceOf(ForbiddenException.class);
    }

    private static Jwt token(Map<String, Object> claims) {
        Jwt.Builder b = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("s")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(b::claim);
        return b.build();
    }
}
