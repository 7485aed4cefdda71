package cn.fulian.rights.cases.web;

import cn.fulian.rights.cases.CaseFilter;
import cn.fulian.rights.cases.CaseFilter.DeadlineFilter;
import cn.fulian.rights.cases.CaseFilter.TransferFilter;
import cn.fulian.rights.cases.CaseQueries;
import cn.fulian.rights.cases.CaseService;
import cn.fulian.rights.cases.NewCase;
import cn.fulian.rights.cases.RightsCase;
import cn.fulian.rights.codes.CaseStatus;
import cn.fulian.rights.codes.Category;
import cn.fulian.rights.codes.Channel;
import cn.fulian.starter.scope.OrgScope;
import cn.fulian.starter.version.ETags;
import cn.fulian.starter.version.IfMatch;
import cn.fulian.starter.web.PageView;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Rights cases over HTTP. Every response carrying a case goes through {@link CaseViews}: masked, except the answer to
 * {@code POST /{id}/unmask}, which is recorded. Every answer carrying a case has its version as {@code ETag}; every action
 * on a case must send it back as {@code If-Match} (missing 428, stale 412).
 */
@RestController
@RequestMapping("${fulian.api-prefix}/cases")
class CaseController {

    private final CaseService cases;
    private final CaseQueries queries;
    private final CaseViews views;

    CaseController(CaseService cases, CaseQueries queries, CaseViews views) {
        this.cases = cases;
        this.queries = queries;
        this.views = views;
    }

    @PostMapping
    ResponseEntity<CaseView> register(OrgScope scope, @Valid @RequestBody Requests.RegisterCase body) {
        Requests.Complainant who = body.complainant();
        Requests.Respondent respondent = body.respondent();
        RightsCase c = cases.register(
                scope,
                new NewCase(
                        body.channel(),
                        body.category(),
                        Boolean.TRUE.equals(body.urgent()),
                        Boolean.TRUE.equals(who.minorInvolved()),
                        who.name(),
                        who.phone(),
                        who.idNumber(),
                        who.address(),
                        respondent == null ? null : respondent.name(),
                        respondent == null ? null : respondent.relation(),
                        body.account(),
                        body.receivedOn()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(c.id())
                .toUri();
        return ResponseEntity.created(location).eTag(ETags.of(c.version())).body(views.masked(c, scope));
    }

    @GetMapping
    PageView<CaseSummaryView> list(
            OrgScope scope,
            @RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) Category category,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) DeadlineFilter deadline,
            @RequestParam(required = false) Boolean possibleRepeat,
            @RequestParam(required = false) Boolean urgent,
            @RequestParam(required = false) TransferFilter transfer,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        PageView<RightsCase> found = queries.list(
                scope,
                new CaseFilter(status, channel, category, unit, deadline, possibleRepeat, urgent, transfer, q),
                page,
                size);
        return new PageView<>(
                found.items().stream().map(views::summary).toList(), found.total(), found.page(), found.size());
    }

    @GetMapping("/{id}")
    ResponseEntity<CaseView> get(OrgScope scope, @PathVariable String id) {
        return respond(queries.visibleCase(id, scope), scope);
    }

    /** 查看完整信息: the case with its personal data, for an entitled officer who gives a reason; recorded. */
    @PostMapping("/{id}/unmask")
    ResponseEntity<CaseView> unmask(
            OrgScope scope, @PathVariable String id, @Valid @RequestBody(required = false) Requests.Unmask body) {
        RightsCase c = queries.visibleCase(id, scope);
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .eTag(ETags.of(c.version()))
                .body(views.unmasked(c, scope, body == null ? null : body.reason()));
    }

    /** The units the handling officer may transfer the case to: the parent (上报) and the direct children (交办). */
    @GetMapping("/{id}/transfer-targets")
    List<TransferTargetView> transferTargets(OrgScope scope, @PathVariable String id) {
        return cases.transferTargets(id, scope).stream()
                .map(TransferTargetView::of)
                .toList();
    }

    @PostMapping("/{id}/accept")
    ResponseEntity<CaseView> accept(
            OrgScope scope,
            @PathVariable String id,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
            @Valid @RequestBody(required = false) Requests.Note body) {
        return respond(cases.accept(id, scope, IfMatch.of(ifMatch), body == null ? null : body.note()), scope);
    }

    @PostMapping("/{id}/steps")
    ResponseEntity<CaseView> addStep(
            OrgScope scope,
            @PathVariable String id,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
            @Valid @RequestBody Requests.Step body) {
        return respond(cases.addStep(id, scope, IfMatch.of(ifMatch), body.type(), body.note()), scope);
    }

    @PostMapping("/{id}/transfers")
    ResponseEntity<CaseView> requestTransfer(
            OrgScope scope,
            @PathVariable String id,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
            @Valid @RequestBody Requests.Transfer body) {
        return respond(cases.requestTransfer(id, scope, IfMatch.of(ifMatch), body.toUnit(), body.reason()), scope);
    }

    @PostMapping("/{id}/transfers/accept")
    ResponseEntity<CaseView> acceptTransfer(
            OrgScope scope,
            @PathVariable String id,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
            @Valid @RequestBody(required = false) Requests.Note body) {
        return respond(cases.acceptTransfer(id, scope, IfMatch.of(ifMatch), body == null ? null : body.note()), scope);
    }

    @PostMapping("/{id}/transfers/reject")
    ResponseEntity<CaseView> rejectTransfer(
            OrgScope scope,
            @PathVariable String id,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
            @Valid @RequestBody Requests.Reason body) {
        return respond(cases.rejectTransfer(id, scope, IfMatch.of(ifMatch), body.reason()), scope);
    }

    @PostMapping("/{id}/close")
    ResponseEntity<CaseView> close(
            OrgScope scope,
            @PathVariable String id,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
            @Valid @RequestBody Requests.Close body) {
        return respond(
                cases.close(id, scope, IfMatch.of(ifMatch), body.outcome(), body.summary(), body.closedOn()), scope);
    }

    @PostMapping("/{id}/follow-up")
    ResponseEntity<CaseView> followUp(
            OrgScope scope,
            @PathVariable String id,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
            @Valid @RequestBody Requests.FollowUp body) {
        return respond(cases.followUp(id, scope, IfMatch.of(ifMatch), body.satisfaction(), body.note()), scope);
    }

    @PostMapping("/{id}/reopen")
    ResponseEntity<CaseView> reopen(
            OrgScope scope,
            @PathVariable String id,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
            @Valid @RequestBody Requests.Reason body) {
        return respond(cases.reopen(id, scope, IfMatch.of(ifMatch), body.reason()), scope);
    }

    private ResponseEntity<CaseView> respond(RightsCase c, OrgScope scope) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .eTag(ETags.of(c.version()))
                .body(views.masked(c, scope));
    }
}
