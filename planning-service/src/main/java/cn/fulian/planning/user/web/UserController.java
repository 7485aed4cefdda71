package cn.fulian.planning.user.web;

import cn.fulian.planning.user.PlatformUser;
import cn.fulian.planning.user.StaffRoles;
import cn.fulian.planning.user.StaffRoles.RoleOption;
import cn.fulian.planning.user.UserChange;
import cn.fulian.planning.user.UserService;
import cn.fulian.planning.user.UserService.UserFilter;
import cn.fulian.starter.scope.OrgScope;
import cn.fulian.starter.web.PageView;
import cn.fulian.starter.web.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Accounts of the admin's unit and below (账号管理). Every action is for admins; others get 403. */
@RestController
@RequestMapping("/api/planning/users")
class UserController {

    record UserView(
            String username,
            String name,
            String unitCode,
            String unitPath,
            List<String> roles,
            List<String> roleLabels,
            boolean enabled,
            Instant createdAt,
            String createdBy,
            Instant updatedAt,
            String updatedBy) {
        static UserView of(PlatformUser u) {
            return new UserView(
                    u.username(),
                    u.name(),
                    u.unit().code(),
                    u.unit().value(),
                    List.copyOf(u.roles()),
                    u.roles().stream().map(StaffRoles::label).toList(),
                    u.enabled(),
                    u.createdAt(),
                    u.createdBy(),
                    u.updatedAt(),
                    u.updatedBy());
        }
    }

    record NewUserRequest(
            @NotBlank
            @Pattern(
                    regexp = "[a-z0-9][a-z0-9._-]{2,49}",
                    message = "须为3至50位小写字母、数字或 . _ -，以字母或数字开头|3 to 50 lower-case letters, digits, . _ -")
            String username,

            @NotBlank @Size(max = 50) String name,
            @NotBlank String unitCode,
            @NotEmpty List<@NotBlank String> roles) {}

    record UpdateUserRequest(
            @NotBlank @Size(max = 50) String name,
            @NotBlank String unitCode,
            @NotEmpty List<@NotBlank String> roles) {}

    /** The new account with its temporary password, shown this once. */
    record CreatedView(UserView user, String temporaryPassword) {}

    record PasswordView(String username, String temporaryPassword) {}

    private final UserService service;

    UserController(UserService service) {
        this.service = service;
    }

    @GetMapping
    PageView<UserView> list(
            OrgScope scope,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String unitCode,
            @RequestParam(defaultValue = "true") boolean withSubunits,
            @RequestParam(required = false) Boolean enabled,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return PageView.of(service.list(
                        scope,
                        new UserFilter(q, unitCode, withSubunits, enabled),
                        Paging.request(page, size, Sort.by("unitPath", "username")))
                .map(UserView::of));
    }

    @GetMapping("/roles")
    List<RoleOption> roles() {
        return StaffRoles.OPTIONS;
    }

    @GetMapping("/{username}")
    UserView get(OrgScope scope, @PathVariable String username) {
        return UserView.of(service.get(scope, username));
    }

    @GetMapping("/{username}/history")
    PageView<UserChange> history(
            OrgScope scope,
            @PathVariable String username,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return PageView.of(service.history(scope, username, Paging.request(page, size)));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedView create(OrgScope scope, @Valid @RequestBody NewUserRequest request) {
        UserService.Created created =
                service.create(scope, request.username(), request.name(), request.unitCode(), request.roles());
        return new CreatedView(UserView.of(created.user()), created.temporaryPassword());
    }

    @PutMapping("/{username}")
    UserView update(OrgScope scope, @PathVariable String username, @Valid @RequestBody UpdateUserRequest request) {
        return UserView.of(service.update(scope, username, request.name(), request.unitCode(), request.roles()));
    }

    @PostMapping("/{username}/disable")
    UserView disable(OrgScope scope, @PathVariable String username) {
        return UserView.of(service.setEnabled(scope, username, false));
    }

    @PostMapping("/{username}/enable")
    UserView enable(OrgScope scope, @PathVariable String username) {
        return UserView.of(service.setEnabled(scope, username, true));
    }

    @PostMapping("/{username}/reset-password")
    PasswordView resetPassword(OrgScope scope, @PathVariable String username) {
        return new PasswordView(username, service.resetPassword(scope, username));
    }
}
