/** Annual work plans (年度工作计划/工作要点): work areas, tasks with measurable indicators, publication and revisions. */
package cn.fulian.planning.plan;
