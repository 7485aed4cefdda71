/** HTTP adapter of the dashboard. */
package cn.fulian.reporting.dashboard.web;
