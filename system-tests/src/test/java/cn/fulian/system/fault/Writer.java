package cn.fulian.system.fault;

/** A demo user who records activities: its unit and the assignment its activities count toward. */
public record Writer(String user, String unitPath, String assignmentId) {}
