/**
 * Leases in the service's MongoDB: which instance of a service does a piece of work that only one may do at a time (a
 * snapshot, a rebuild), and for how long its claim holds without being renewed.
 */
package cn.fulian.starter.lease;
