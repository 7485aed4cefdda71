package cn.fulian.starter.problem;

/** One invalid field of a request, as listed under {@code errors} in a 400 problem. */
public record FieldProblem(String field, String message, String messageEn) {}
