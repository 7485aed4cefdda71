/**
 * 进度填报: progress reports per assignment and period, pre-filled with the live figure, reviewed by the parent unit
 * (approve, or return with a reason), with history kept across resubmissions, and the list of reports still owed.
 */
package cn.fulian.reporting.report;
