package cn.fulian.activity.activity.web;

import cn.fulian.activity.activity.Link;

/** Counts the activity toward an assignment with one of its metrics (and a denominator metric for a rate). */
record LinkRequest(String assignmentId, String metric, String denominatorMetric) {
    Link toLink() {
        return new Link(assignmentId, metric, denominatorMetric);
    }
}
