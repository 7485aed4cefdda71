/**
 * Reporting periods (月/季/半年/年): how often a year is reported and the label of each period. Shared by the reports,
 * the read model, the dashboards and the summaries.
 */
package cn.fulian.reporting.period;
