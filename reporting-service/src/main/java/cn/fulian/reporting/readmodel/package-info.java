/**
 * 实时统计: the live read model fed by every topic, exact under duplicates, redelivery and restarts, with the
 * rebuild-from-zero command.
 */
package cn.fulian.reporting.readmodel;
