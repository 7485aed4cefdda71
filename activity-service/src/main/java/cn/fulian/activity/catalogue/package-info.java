/** 活动目录: the activity types and the metrics each measures, kept as admin-editable data. */
package cn.fulian.activity.catalogue;
