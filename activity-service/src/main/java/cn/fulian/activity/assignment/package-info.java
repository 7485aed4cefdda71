/** 任务分配副本: planning's tasks and allocations kept locally, to decide what an activity may count toward. */
package cn.fulian.activity.assignment;
