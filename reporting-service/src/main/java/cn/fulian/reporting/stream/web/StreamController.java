package cn.fulian.reporting.stream.web;

import cn.fulian.reporting.stream.DashboardStreams;
import cn.fulian.starter.scope.OrgScope;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A unit's live stream: one {@code figures-changed} event whenever the read model changes that unit's figures. */
@RestController
@RequestMapping("/api/reports")
class StreamController {

    private final DashboardStreams streams;

    StreamController(DashboardStreams streams) {
        this.streams = streams;
    }

    @Operation(summary = "看板实时推送: server-sent events (figures-changed {unit, year, at}) for a unit in scope")
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(OrgScope scope, @RequestParam(required = false) String unit) {
        return streams.open(scope.unitOrOwn(unit));
    }
}
