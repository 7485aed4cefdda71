/** HTTP adapter of the deadline snapshots: the frozen dashboard ({@code asOf}) and the list of a year's snapshots. */
package cn.fulian.reporting.snapshot.web;
