/** The summary draft and its .docx and .pdf exports. */
package cn.fulian.reporting.summary.web;
