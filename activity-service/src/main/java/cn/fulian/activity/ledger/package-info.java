/** 台账导入: a unit's ledger sheet imported all or nothing, with a downloadable template and a per-row report. */
package cn.fulian.activity.ledger;
