/**
 * Allocation of task targets down the tree (分解下达), acknowledgement (签收), reminders, deadline extensions (延期) and
 * cancellations: one assignment per task and unit.
 */
package cn.fulian.planning.allocation;
