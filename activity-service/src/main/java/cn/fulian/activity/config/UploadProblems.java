package cn.fulian.activity.config;

import cn.fulian.starter.problem.FieldProblem;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Problem details for what the starter does not know: several invalid fields at once with a per-row report, files too
 * large (413, whether the service or the multipart parser noticed) and uploads without a file. Same shape as the
 * starter's answers; ordered first so the generic multipart answers do not win.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadProblems {

    private static final URI VALIDATION = URI.create("urn:fulian:problem:validation");

    private final ActivityProperties properties;

    UploadProblems(ActivityProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        ProblemDetail p = invalid(e.problems());
        if (!e.rows().isEmpty()) {
            p.setProperty("rows", e.rows());
        }
        return p;
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail tooLarge(PayloadTooLargeException e) {
        return tooLarge(e.field(), e.limitBytes());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        return tooLarge("file", properties.evidenceMaxFileSize().toBytes());
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        return invalid(List.of(new FieldProblem(e.getRequestPartName(), "请选择要上传的文件", "a file part is required")));
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail notMultipart(MultipartException e) {
        return invalid(List.of(
                new FieldProblem("file", "请以 multipart/form-data 上传文件", "upload the file as multipart/form-data")));
    }

    private static ProblemDetail tooLarge(String field, long limit) {
        long mb = limit / 1024 / 1024;
        ProblemDetail p = ProblemDetail.forStatusAndDetail(
                HttpStatus.PAYLOAD_TOO_LARGE,
                field + ": 文件超过" + mb + "MB上限 / the file exceeds the limit of " + limit + " bytes");
        p.setTitle("文件过大 / File too large");
        p.setProperty("field", field);
        p.setProperty("limitBytes", limit);
        p.setProperty("correlationId", MDC.get("correlationId"));
        return p;
    }

    private static ProblemDetail invalid(List<FieldProblem> problems) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                problems.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")));
        p.setType(VALIDATION);
        p.setTitle("请求参数有误 / Invalid request");
        p.setProperty(
                "fields", problems.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", ")));
        p.setProperty("errors", problems);
        p.setProperty("correlationId", MDC.get("correlationId"));
        return p;
    }
}
