/** 活动: what a unit did, measured by its type's metrics and linked to the task assignments it counts toward. */
package cn.fulian.activity.activity;
