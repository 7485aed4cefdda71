/** 年度工作总结: a draft annual summary built only from approved and recorded figures, each traceable to its source. */
package cn.fulian.reporting.summary;
