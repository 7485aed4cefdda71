/** Service-wide configuration: clock, time zone, the reporting topic. */
package cn.fulian.reporting.config;
