package cn.fulian.planning.user;

import cn.fulian.planning.orgunit.OrgUnit;
import cn.fulian.planning.orgunit.OrgUnitService;
import cn.fulian.planning.user.KeycloakUsers.Account;
import cn.fulian.planning.user.KeycloakUsers.Credential;
import cn.fulian.starter.problem.ConflictException;
import cn.fulian.starter.problem.NotFoundException;
import cn.fulian.starter.scope.OrgScope;
import cn.fulian.starter.scope.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Account management for admins (管理员), each within its own unit and below: list, create, change unit and roles,
 * disable and enable, reset a password. Keycloak is written first; the directory and the audit trail follow.
 */
@Service
public class UserService {

    private static final Logger log = LoggerFactory.getLogger(UserService.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What to list: text in the account name or person's name, one unit (with or without its subtree), state. */
    public record UserFilter(String q, String unitCode, boolean withSubunits, Boolean enabled) {}

    /** A new account and the temporary password to hand over (shown once, changed at the first login). */
    public record Created(PlatformUser user, String temporaryPassword) {}

    private final PlatformUserRepository users;
    private final UserChangeRepository changes;
    private final KeycloakUsers keycloak;
    private final OrgUnitService units;
    private final MongoTemplate mongo;
    private final Clock clock;

    UserService(
            PlatformUserRepository users,
            UserChangeRepository changes,
            KeycloakUsers keycloak,
            OrgUnitService units,
            MongoTemplate mongo,
            Clock clock) {
        this.users = users;
        this.changes = changes;
        this.keycloak = keycloak;
        this.units = units;
        this.mongo = mongo;
        this.clock = clock;
    }

    public Page<PlatformUser> list(OrgScope scope, UserFilter filter, Pageable page) {
        requireAdmin(scope);
        List<Criteria> and = new ArrayList<>();
        and.add(Criteria.where("unitPath").regex(scope.subtreeRegex()));
        if (filter.unitCode() != null && !filter.unitCode().isBlank()) {
            OrgUnit unit = units.get(scope, filter.unitCode());
            and.add(
                    filter.withSubunits()
                            ? Criteria.where("unitPath").regex(unit.path().subtreeRegex())
                            : Criteria.where("unitPath").is(unit.path().value()));
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            String text = Pattern.quote(filter.q().trim());
            and.add(new Criteria()
                    .orOperator(
                            Criteria.where("username").regex(text, "i"),
                            Criteria.where("name").regex(text, "i")));
        }
        if (filter.enabled() != null) {
            and.add(Criteria.where("enabled").is(filter.enabled()));
        }
        Query query = new Query(new Criteria().andOperator(and.toArray(Criteria[]::new)));
        long total = mongo.count(query, PlatformUser.class);
        List<PlatformUser> found = mongo.find(query.with(page), PlatformUser.class);
        return new PageImpl<>(found, page, total);
    }

    public PlatformUser get(OrgScope scope, String username) {
        requireAdmin(scope);
        return visible(scope, username);
    }

    public Created create(OrgScope scope, String username, String name, String unitCode, List<String> requestedRoles) {
        requireAdmin(scope);
        OrgUnit unit = activeUnit(scope, unitCode);
        Set<String> roles = StaffRoles.resolve(requestedRoles, unit.path());
        if (users.findByUsername(username).isPresent()) {
            throw new ConflictException("账号名“" + username + "”已被使用 / the account name " + username + " is taken");
        }
        String password = temporaryPassword();
        // created disabled and enabled once its roles are set: a failure in between leaves no account that logs in
        String id = keycloak.create(new Account(
                null,
                username,
                name,
                "",
                false,
                Map.of("org_unit", List.of(unit.path().value())),
                null,
                null,
                List.of(new Credential("password", password, true))));
        Instant now = clock.instant();
        PlatformUser user = PlatformUser.of(id, username, name, unit.path(), roles, false, now, scope.username());
        users.save(user);
        keycloak.setManagedRoles(id, roles);
        keycloak.update(id, new Account(null, null, null, null, true, null, null, null, null));
        user.enable(true, now, scope.username());
        users.save(user);
        audit(scope, username, "创建账号", "单位 " + unit.name() + "（" + unit.code() + "），角色 " + labels(roles));
        log.info("account {} created at {} by {}", username, unit.code(), scope.username());
        return new Created(user, password);
    }

    public PlatformUser update(OrgScope scope, String username, String name, String unitCode, List<String> requested) {
        requireAdmin(scope);
        PlatformUser user = visible(scope, username);
        OrgUnit unit = activeUnit(scope, unitCode);
        Set<String> roles = StaffRoles.resolve(requested, unit.path());
        if (username.equals(scope.username()) && !roles.contains(Role.ADMIN)) {
            throw new ConflictException("不能取消自己的管理员角色 / you cannot remove your own admin role");
        }
        Account current = keycloak.find(user.id())
                .orElseThrow(() -> new ConflictException("认证服务中已没有此账号 / the account no longer exists in Keycloak"));
        Map<String, List<String>> attributes =
                new java.util.LinkedHashMap<>(current.attributes() == null ? Map.of() : current.attributes());
        attributes.put("org_unit", List.of(unit.path().value()));
        keycloak.update(user.id(), new Account(null, null, name, "", null, attributes, null, null, null));
        keycloak.setManagedRoles(user.id(), roles);
        String before = "单位 " + user.unit().code() + "，角色 " + labels(user.roles());
        user.assign(name, unit.path(), roles, clock.instant(), scope.username());
        PlatformUser saved = users.save(user);
        audit(scope, username, "调整单位和角色", before + " → 单位 " + unit.code() + "，角色 " + labels(roles));
        return saved;
    }

    public PlatformUser setEnabled(OrgScope scope, String username, boolean enabled) {
        requireAdmin(scope);
        PlatformUser user = visible(scope, username);
        if (!enabled && username.equals(scope.username())) {
            throw new ConflictException("不能停用自己的账号 / you cannot disable your own account");
        }
        if (user.enabled() == enabled) {
            throw new ConflictException(enabled ? "账号已是启用状态 / already enabled" : "账号已停用 / already disabled");
        }
        keycloak.update(user.id(), new Account(null, null, null, null, enabled, null, null, null, null));
        user.enable(enabled, clock.instant(), scope.username());
        PlatformUser saved = users.save(user);
        audit(scope, username, enabled ? "启用账号" : "停用账号", "");
        return saved;
    }

    /** A new temporary password, to be changed at the next login; the old one stops working at once. */
    public String resetPassword(OrgScope scope, String username) {
        requireAdmin(scope);
        PlatformUser user = visible(scope, username);
        String password = temporaryPassword();
        keycloak.setTemporaryPassword(user.id(), password);
        audit(scope, username, "重置密码", "已发放临时密码，首次登录须修改");
        return password;
    }

    public Page<UserChange> history(OrgScope scope, String username, Pageable page) {
        requireAdmin(scope);
        visible(scope, username);
        return changes.findByUsernameOrderByAtDesc(username, page);
    }

    private PlatformUser visible(OrgScope scope, String username) {
        return users.findByUsername(username)
                .filter(u -> scope.canSee(u.unit()))
                .orElseThrow(() -> new NotFoundException("账号 " + username));
    }

    private OrgUnit activeUnit(OrgScope scope, String unitCode) {
        OrgUnit unit = units.findVisible(scope, unitCode).orElseThrow(() -> new NotFoundException("单位 " + unitCode));
        if (unit.retired()) {
            throw new ConflictException("单位“" + unit.name() + "”已撤销，不能再为其设置账号 / the unit is retired");
        }
        return unit;
    }

    private void audit(OrgScope scope, String username, String change, String detail) {
        changes.save(new UserChange(
                UUID.randomUUID().toString(), username, clock.instant(), scope.username(), change, detail));
    }

    private static void requireAdmin(OrgScope scope) {
        scope.requireRole(Role.ADMIN, "仅管理员可管理账号 / only admins manage accounts");
    }

    private static String labels(Set<String> roles) {
        return String.join("、", roles.stream().map(StaffRoles::label).toList());
    }

    static String temporaryPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
