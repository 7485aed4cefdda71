/** HTTP adapter of progress reports, their review, the owed list and the reporting schedule. */
package cn.fulian.reporting.report.web;
