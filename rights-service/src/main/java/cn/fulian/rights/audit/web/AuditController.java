package cn.fulian.rights.audit.web;

import cn.fulian.rights.audit.ReadAudit;
import cn.fulian.rights.audit.ReadAudit.AuditFilter;
import cn.fulian.rights.audit.ReadAuditEntry;
import cn.fulian.starter.scope.OrgScope;
import cn.fulian.starter.web.PageView;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The personal-data access record, for administrators. */
@RestController
@RequestMapping("${fulian.api-prefix}/audit")
class AuditController {

    private final ReadAudit audit;

    AuditController(ReadAudit audit) {
        this.audit = audit;
    }

    @GetMapping
    PageView<AuditEntryView> search(
            OrgScope scope,
            @RequestParam(required = false) String caseId,
            @RequestParam(required = false) String username,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        PageView<ReadAuditEntry> found = audit.search(scope, new AuditFilter(caseId, username, from, to), page, size);
        return new PageView<>(
                found.items().stream()
                        .map(e -> AuditEntryView.of(e, audit.reasonOf(e)))
                        .toList(),
                found.total(),
                found.page(),
                found.size());
    }
}
