package cn.fulian.starter.problem;

import java.util.List;

/** 400 for an uploaded file with bad rows: every problem of every row at once, so the file is mended in one go. */
public class InvalidRowsException extends RuntimeException {

    private final List<RowProblem> problems;

    public InvalidRowsException(List<RowProblem> problems) {
        super(problems.size() + " invalid rows, first: "
                + problems.stream()
                        .findFirst()
                        .map(p -> p.row() + " " + p.field() + ": " + p.messageEn())
                        .orElse("none"));
        this.problems = List.copyOf(problems);
    }

    public List<RowProblem> problems() {
        return problems;
    }
}
