package cn.fulian.activity.honour.web;

import cn.fulian.activity.honour.Honour;
import cn.fulian.activity.honour.HonourFilter;
import cn.fulian.activity.honour.HonourKind;
import cn.fulian.activity.honour.HonourLevel;
import cn.fulian.activity.honour.HonourService;
import cn.fulian.activity.honour.HonourStatus;
import cn.fulian.activity.honour.ReviewOutcome;
import cn.fulian.activity.honour.RoundCount;
import cn.fulian.starter.orgunit.OrgUnitDirectory;
import cn.fulian.starter.scope.OrgScope;
import cn.fulian.starter.version.IfMatch;
import cn.fulian.starter.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

@RestController
@RequestMapping("${fulian.api-prefix}/honours")
@Tag(name = "荣誉与复查 / Honours and reviews")
class HonourController {

    /** A code with its Chinese label, for the console's selects. */
    record Option(String code, String label) {}

    private final HonourService honours;
    private final OrgUnitDirectory units;

    HonourController(HonourService honours, OrgUnitDirectory units) {
        this.honours = honours;
        this.units = units;
    }

    @PostMapping
    @Operation(summary = "登记荣誉 / register an honour")
    ResponseEntity<HonourView> award(OrgScope scope, @Valid @RequestBody AwardHonourRequest r) {
        Honour h = honours.award(
                scope,
                r.kind(),
                r.level(),
                r.holderName(),
                r.holderUnitPath(),
                r.awardedOn(),
                r.awardedBy(),
                r.certificateNo());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{id}")
                .buildAndExpand(h.id())
                .toUri();
        return ResponseEntity.created(location).body(view(h));
    }

    @GetMapping
    @Operation(summary = "荣誉列表(本单位及下级) / honours held in the caller's subtree")
    PageView<HonourView> list(
            OrgScope scope,
            @RequestParam(required = false) HonourKind kind,
            @RequestParam(required = false) HonourLevel level,
            @RequestParam(required = false) HonourStatus status,
            @RequestParam(required = false) String unitPath,
            @RequestParam(required = false) String round,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return honours.list(scope, new HonourFilter(kind, level, status, unitPath, round, q), page, size)
                .map(this::view);
    }

    @GetMapping("/{id:hon-.+}")
    @Operation(summary = "荣誉详情及复查记录 / one honour with its reviews")
    HonourView get(OrgScope scope, @PathVariable String id) {
        return view(honours.get(scope, id));
    }

    @PostMapping("/{id:hon-.+}/reviews")
    @Operation(
            summary = "复查荣誉 / review an honour",
            description = "结果 RETAINED 保留 / REVOKED 撤销 / TRANSFERRED 移交(须填接收单位);撤销和移交须填原因;每轮只复查一次")
    HonourView review(
            OrgScope scope,
            @PathVariable String id,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
            @Valid @RequestBody ReviewHonourRequest r) {
        return view(honours.review(
                scope,
                id,
                IfMatch.of(ifMatch),
                r.round(),
                r.outcome(),
                r.reason(),
                r.transferredToPath(),
                r.reviewedOn()));
    }

    @GetMapping("/review-rounds")
    @Operation(
            summary = "各复查轮次的结果统计 / outcome counts per review round",
            description = "统计复查时属于本单位及下级(或 unitPath 指定单位及其下级)的荣誉:保留、撤销、移交各多少")
    List<RoundCount> rounds(
            OrgScope scope,
            @RequestParam(required = false) HonourKind kind,
            @RequestParam(required = false) HonourLevel level,
            @RequestParam(required = false) String round,
            @RequestParam(required = false) String unitPath) {
        return honours.roundCounts(scope, kind, level, round, unitPath);
    }

    @GetMapping("/options")
    @Operation(summary = "荣誉类别、级别和复查结果的中文名称 / labels of kinds, levels and outcomes")
    Map<String, List<Option>> options() {
        return Map.of(
                "kinds",
                        Arrays.stream(HonourKind.values())
                                .map(k -> new Option(k.name(), k.label()))
                                .toList(),
                "levels",
                        Arrays.stream(HonourLevel.values())
                                .map(k -> new Option(k.name(), k.label()))
                                .toList(),
                "outcomes",
                        Arrays.stream(ReviewOutcome.values())
                                .map(k -> new Option(k.name(), k.label()))
                                .toList());
    }

    private HonourView view(Honour h) {
        return HonourView.of(h, units.nameOf(h.holderUnit()));
    }
}
