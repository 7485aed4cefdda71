package cn.fulian.starter.sample;

import cn.fulian.starter.problem.InvalidFieldException;
import cn.fulian.starter.problem.NotFoundException;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.scope.OrgScope;
import cn.fulian.starter.scope.Role;
import cn.fulian.starter.version.IfMatch;
import cn.fulian.starter.version.Versioned;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SampleController {

    record RecordRequest(
            @NotBlank @Size(max = 50) String title,
            @NotNull @PositiveOrZero Integer participants,
            @NotNull LocalDate day) {}

    record AmendRequest(@NotNull @PositiveOrZero Integer participants) {}

    record ActivityView(String id, String unitPath, String title, int participants, Long version) implements Versioned {
        static ActivityView of(SampleActivity a) {
            return new ActivityView(a.id(), a.unitPath(), a.title(), a.participants(), a.version());
        }
    }

    private final SampleActivityRepository repository;

    SampleController(SampleActivityRepository repository) {
        this.repository = repository;
    }

    @PostMapping("/api/sample/activities")
    @ResponseStatus(HttpStatus.CREATED)
    ActivityView record(OrgScope scope, @Valid @RequestBody RecordRequest request) {
        if (request.day().getYear() != 2026) {
            throw new InvalidFieldException("day", "日期须在2026年内", "must be within 2026");
        }
        SampleActivity activity = SampleActivity.record(
                UUID.randomUUID().toString(),
                scope.unit().value(),
                request.title(),
                request.participants(),
                request.day());
        return ActivityView.of(repository.save(activity));
    }

    /** Figures as a dashboard computes them: a sum that happens to be whole, a rate that is not. */
    record Figures(double participants, Double rate, long count) {}

    @GetMapping("/api/sample/figures")
    Figures figures(OrgScope scope) {
        return new Figures(13170.0, 98.5, 72);
    }

    @GetMapping("/api/sample/activities/{id}")
    ActivityView get(OrgScope scope, @PathVariable String id) {
        return ActivityView.of(visible(scope, id));
    }

    @PutMapping("/api/sample/activities/{id}")
    ActivityView amend(
            OrgScope scope,
            @PathVariable String id,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
            @Valid @RequestBody AmendRequest request) {
        SampleActivity activity = visible(scope, id);
        if (!scope.isOwnUnit(OrgPath.of(activity.unitPath()))) {
            throw new cn.fulian.starter.problem.ForbiddenException("只能修改本单位的活动 / only the recording unit may amend");
        }
        IfMatch.of(ifMatch).requireCurrent(activity.version());
        activity.amend(request.participants(), "更正");
        return ActivityView.of(repository.save(activity));
    }

    @PostMapping("/api/sample/admin-only")
    String adminOnly(OrgScope scope) {
        scope.requireRole(Role.ADMIN, "仅管理员可操作 / admins only");
        return "ok";
    }

    private SampleActivity visible(OrgScope scope, String id) {
        SampleActivity activity = repository.findById(id).orElseThrow(() -> new NotFoundException("活动 " + id));
        scope.requireVisible(OrgPath.of(activity.unitPath()), "活动 " + id);
        return activity;
    }
}
