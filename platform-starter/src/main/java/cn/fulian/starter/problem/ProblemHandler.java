package cn.fulian.starter.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Every error leaves as RFC 9457 problem details: bad input 400 naming the fields (Chinese and English), outside the
 * scope 404, forbidden 403, state conflicts 409, a change without {@code If-Match} 428 and with a stale one 412,
 * oversize 413. Never a stack trace; a true 500 says only
 * that something went wrong and gives the correlation id to quote.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final URI VALIDATION = URI.create("urn:fulian:problem:validation");

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail p = problem(HttpStatus.NOT_FOUND, "未找到 / Not found", "未找到或无权查看:" + e.getMessage());
        p.setProperty("detailEn", "not found, or not yours to see: " + e.getMessage());
        return p;
    }

    @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
    ProblemDetail forbidden(RuntimeException e) {
        String detail = e instanceof ForbiddenException ? e.getMessage() : "无权执行此操作 / not allowed";
        return problem(HttpStatus.FORBIDDEN, "无权操作 / Forbidden", detail);
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "状态冲突 / Conflict", e.getMessage());
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ProblemDetail preconditionRequired(PreconditionRequiredException e) {
        return problem(
                HttpStatus.PRECONDITION_REQUIRED,
                "缺少 If-Match 版本号 / If-Match required",
                "修改已有记录须在 If-Match 中带上所看到的版本号 / send the version you saw as If-Match: \"<version>\"");
    }

    /** The record's current version comes back as {@code ETag}, so a client can reload and retry. */
    @ExceptionHandler(PreconditionFailedException.class)
    ResponseEntity<ProblemDetail> preconditionFailed(PreconditionFailedException e) {
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .eTag(Long.toString(e.current())) // quoted by Spring: "3", as every ETag of a version
                .body(stale());
    }

    private static ProblemDetail stale() {
        return problem(
                HttpStatus.PRECONDITION_FAILED,
                "数据已被他人修改 / Edited concurrently",
                "该记录已被他人修改，请刷新后重试 / someone else changed this record; reload and try again");
    }

    @ExceptionHandler(UnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(UnavailableException e) {
        log.warn("unavailable: {}", e.getMessage(), e.getCause());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(UnavailableException.RETRY_AFTER_SECONDS))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "暂时无法处理 / Unavailable", e.getMessage()));
    }

    /**
     * Two changes passed their {@code If-Match} check at once and the save found the other one first: for the loser its
     * version is stale all the same, so 412 like any stale {@code If-Match}. A change that sends no version (an
     * acknowledgement) stays 409.
     */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentEdit(OptimisticLockingFailureException e, WebRequest request) {
        if (request.getHeader(HttpHeaders.IF_MATCH) != null) {
            return stale();
        }
        return problem(
                HttpStatus.CONFLICT,
                "数据已被他人修改 / Edited concurrently",
                "数据已被他人修改,请刷新后重试 / someone else changed this record; reload and try again");
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicate(DuplicateKeyException e) {
        return problem(HttpStatus.CONFLICT, "记录已存在 / Already exists", "记录已存在 / the record already exists");
    }

    @ExceptionHandler(InvalidFieldException.class)
    ProblemDetail invalidField(InvalidFieldException e) {
        return invalid(List.of(new FieldProblem(e.field(), e.messageZh(), e.messageEn())));
    }

    @ExceptionHandler(InvalidRowsException.class)
    ProblemDetail invalidRows(InvalidRowsException e) {
        List<RowProblem> rows = e.problems();
        ProblemDetail p = problem(
                HttpStatus.BAD_REQUEST,
                "文件内容有误 / Invalid file",
                rows.size() + "处错误，未导入任何数据 / " + rows.size() + " problems, nothing was imported: "
                        + rows.stream()
                                .limit(5)
                                .map(r -> "row " + r.row() + " " + r.field() + ": " + r.message())
                                .collect(Collectors.joining("; ")));
        p.setType(VALIDATION);
        p.setProperty("fields", rows.stream().map(RowProblem::field).distinct().collect(Collectors.joining(", ")));
        p.setProperty("errors", rows);
        return p;
    }

    /** A request that should have been multipart but could not be read as such. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail notMultipart(MultipartException e) {
        return invalid(List.of(
                new FieldProblem("file", "请以 multipart/form-data 上传文件", "upload the file as multipart/form-data")));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            problems.add(ValidationMessages.of(v.getPropertyPath().toString(), v));
        }
        return invalid(problems);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalid(List.of(new FieldProblem(e.getName(), "取值无效", "has an invalid value")));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected error", e);
        ProblemDetail p = problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "服务器内部错误 / Internal error",
                "服务器处理出错,请联系管理员并提供编号 / something went wrong; quote the correlation id");
        return p;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            problems.add(fieldProblem(error));
        }
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(g -> problems.add(new FieldProblem(
                        g.getObjectName(), g.getDefaultMessage(), String.valueOf(g.getDefaultMessage()))));
        return ResponseEntity.badRequest().body(invalid(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        ex.getParameterValidationResults()
                .forEach(result -> result.getResolvableErrors().forEach(error -> {
                    String name = result.getMethodParameter().getParameterName();
                    if (error instanceof FieldError fe) {
                        problems.add(fieldProblem(fe));
                    } else {
                        ConstraintViolation<?> v = result.unwrap(error, ConstraintViolation.class);
                        problems.add(ValidationMessages.of(name, v));
                    }
                }));
        return ResponseEntity.badRequest().body(invalid(problems));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            MissingServletRequestPartException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest()
                .body(invalid(
                        List.of(new FieldProblem(ex.getRequestPartName(), "请选择要上传的文件", "a file part is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldProblem problem = unreadable(ex);
        return ResponseEntity.badRequest().body(invalid(List.of(problem)));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail p) {
            p.setProperty("correlationId", MDC.get("correlationId"));
        }
        return response;
    }

    private static FieldProblem fieldProblem(FieldError error) {
        if (error.contains(ConstraintViolation.class)) {
            return ValidationMessages.of(error.getField(), error.unwrap(ConstraintViolation.class));
        }
        if (error.isBindingFailure()) {
            return new FieldProblem(error.getField(), "取值类型不正确", "has the wrong type");
        }
        String m = String.valueOf(error.getDefaultMessage());
        return new FieldProblem(error.getField(), m, m);
    }

    private static FieldProblem unreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof DatabindException de && !de.getPath().isEmpty()) {
            String field = de.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            return new FieldProblem(field, "取值无效或类型不正确", "has an invalid value or type");
        }
        if (cause instanceof JacksonException) {
            return new FieldProblem("body", "请求内容不是有效的JSON", "the body is not valid JSON");
        }
        return new FieldProblem("body", "请求内容无法读取", "the body cannot be read");
    }

    private static ProblemDetail invalid(List<FieldProblem> problems) {
        String fields = problems.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", "));
        ProblemDetail p = problem(
                HttpStatus.BAD_REQUEST,
                "请求参数有误 / Invalid request",
                problems.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")));
        p.setType(VALIDATION);
        p.setProperty(
                "detailZh",
                problems.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")));
        p.setProperty(
                "detailEn",
                problems.stream().map(f -> f.field() + ": " + f.messageEn()).collect(Collectors.joining("; ")));
        p.setProperty("fields", fields);
        p.setProperty("errors", problems);
        return p;
    }

    /**
     * A problem of one type per kind of error ({@code urn:fulian:problem:not-found}, {@code …:forbidden}, {@code
     * …:conflict}, {@code …:validation}, …). Title and detail are written "中文 / English"; besides them the body
     * carries each language on its own ({@code titleZh}, {@code titleEn}, {@code detailZh}, {@code detailEn}) so a
     * client shows the one its user reads.
     */
    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("urn:fulian:problem:" + kind(status)));
        p.setTitle(title);
        String[] titles = bilingual(title);
        String[] details = bilingual(detail);
        p.setProperty("titleZh", titles[0]);
        p.setProperty("titleEn", titles[1]);
        p.setProperty("detailZh", details[0]);
        p.setProperty("detailEn", details[1]);
        p.setProperty("correlationId", MDC.get("correlationId"));
        return p;
    }

    private static String kind(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "validation";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case CONFLICT -> "conflict";
            case PRECONDITION_FAILED -> "precondition-failed";
            case PRECONDITION_REQUIRED -> "precondition-required";
            case PAYLOAD_TOO_LARGE -> "too-large";
            case SERVICE_UNAVAILABLE -> "unavailable";
            case INTERNAL_SERVER_ERROR -> "internal";
            default -> Integer.toString(status.value());
        };
    }

    /**
     * The Chinese and the English of a text written "中文 / English" (split at the last " / " whose right side has no
     * Chinese); a text in one language only is both.
     */
    static String[] bilingual(String text) {
        if (text == null) {
            return new String[] {null, null};
        }
        int at = text.lastIndexOf(" / ");
        while (at > 0) {
            String en = text.substring(at + 3);
            if (en.codePoints().noneMatch(ProblemHandler::isChinese)) {
                return new String[] {text.substring(0, at).strip(), en.strip()};
            }
            at = text.lastIndexOf(" / ", at - 1);
        }
        return new String[] {text, text};
    }

    private static boolean isChinese(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
