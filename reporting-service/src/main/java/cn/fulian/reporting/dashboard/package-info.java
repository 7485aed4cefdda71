/**
 * 统计看板: target vs live actual, reported and approved values, pace lights, projections, drill-down by child
 * units, rankings, rights KPIs and report completeness, read from the live read model by key.
 */
package cn.fulian.reporting.dashboard;
