package cn.fulian.starter.web;

import cn.fulian.starter.scope.OrgScope;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/<service>/me}: the caller as this service sees it, straight from the token. */
@RestController
public class MeController {

    /** The caller as the token describes it. */
    public record MeView(
            String username, String unitPath, String unitCode, String level, String levelLabel, List<String> roles) {}

    @GetMapping("${fulian.api-prefix}/me")
    public MeView me(OrgScope scope) {
        return new MeView(
                scope.username(),
                scope.unit().value(),
                scope.unit().code(),
                scope.level().name(),
                scope.level().label(),
                scope.roles().stream().sorted().toList());
    }
}
