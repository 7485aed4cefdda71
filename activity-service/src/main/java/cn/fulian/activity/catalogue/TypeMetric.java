package cn.fulian.activity.catalogue;

/** A metric an activity type records; a required one must be given for every activity of the type. */
public record TypeMetric(String code, boolean required) {}
