/** The summary draft and its .docx export. */
package cn.fulian.reporting.summary.web;
