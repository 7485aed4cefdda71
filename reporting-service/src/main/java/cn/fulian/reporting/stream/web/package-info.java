/** The server-sent-events endpoint of a unit's dashboard. */
package cn.fulian.reporting.stream.web;
