package cn.fulian.reporting.readmodel.web;

import cn.fulian.reporting.readmodel.RebuildService;
import cn.fulian.reporting.readmodel.RebuildService.RebuildResult;
import cn.fulian.starter.problem.ConflictException;
import cn.fulian.starter.scope.OrgScope;
import cn.fulian.starter.scope.Role;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The rebuild-from-zero command, for administrators. */
@RestController
@RequestMapping("/api/reports/admin")
class RebuildController {

    private final RebuildService rebuilds;

    RebuildController(RebuildService rebuilds) {
        this.rebuilds = rebuilds;
    }

    /** Drops the read model and replays every topic from offset 0; answers when done. */
    @PostMapping("/rebuild")
    RebuildResult rebuild(OrgScope scope) {
        scope.requireRole(Role.ADMIN, "只有系统管理员可以重建统计数据 / only administrators may rebuild the read model");
        if (rebuilds.isRunning()) {
            throw new ConflictException("统计数据正在重建 / a rebuild is already running");
        }
        try {
            return rebuilds.rebuild();
        } catch (IllegalStateException alreadyRunning) {
            throw new ConflictException("统计数据正在重建 / a rebuild is already running");
        }
    }
}
