package cn.fulian.activity.config;

import cn.fulian.starter.problem.FieldProblem;
import java.util.List;

/**
 * 400 listing every invalid field at once (the starter's {@code InvalidFieldException} names one), optionally with a
 * per-row report for a ledger sheet. Nothing has been stored when it is thrown.
 */
public class InvalidRequestException extends RuntimeException {

    /** The problems of one row of an imported sheet; {@code row} is the row number Excel shows. */
    public record RowReport(int row, List<RowProblem> errors) {}

    /** One problem of a row: the column as headed in the sheet and the field it fills. */
    public record RowProblem(String column, String field, String message, String messageEn) {}

    private final List<FieldProblem> problems;
    private final List<RowReport> rows;

    public InvalidRequestException(List<FieldProblem> problems) {
        this(problems, List.of());
    }

    public InvalidRequestException(List<FieldProblem> problems, List<RowReport> rows) {
        super(problems.stream()
                .map(p -> p.field() + ": " + p.messageEn())
                .toList()
                .toString());
        this.problems = List.copyOf(problems);
        this.rows = List.copyOf(rows);
    }

    public static InvalidRequestException of(String field, String messageZh, String messageEn) {
        return new InvalidRequestException(List.of(new FieldProblem(field, messageZh, messageEn)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    public List<RowReport> rows() {
        return rows;
    }
}
