package cn.fulian.starter.boundaries.webreversed.plan.web;

/** A response body. */
public record PlanView(String title) {}
