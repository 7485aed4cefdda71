/** Statutory deadlines of rights cases: how many days to accept and to conclude, per channel and category. */
package cn.fulian.rights.deadline;
