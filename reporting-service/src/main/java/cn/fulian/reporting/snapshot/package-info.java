/**
 * Dashboards "as of" a reporting deadline: at each passed deadline the dashboard of every unit is frozen, once, into
 * collections a read-model rebuild does not drop, and answered later exactly as it stood.
 */
package cn.fulian.reporting.snapshot;
