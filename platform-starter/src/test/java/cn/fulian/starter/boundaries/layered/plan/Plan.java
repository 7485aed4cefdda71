package cn.fulian.starter.boundaries.layered.plan;

/** A plan that knows nothing of allocation or of its web layer. */
public record Plan(String title) {}
