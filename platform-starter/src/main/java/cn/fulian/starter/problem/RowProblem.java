package cn.fulian.starter.problem;

/**
 * One invalid field of one row of an uploaded file, as listed under {@code errors} in a 400 problem: {@code row} is
 * the number the user finds it by (the spreadsheet's row, the CSV line, the line of a YAML entry).
 */
public record RowProblem(int row, String field, String message, String messageEn) {}
