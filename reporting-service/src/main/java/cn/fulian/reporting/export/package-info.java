/** Exports of the dashboard: Excel workbooks of its tables and of the allocation ledger, the PDF ranking bulletin. */
package cn.fulian.reporting.export;
