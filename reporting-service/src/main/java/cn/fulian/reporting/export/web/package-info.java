/** Download endpoints of the exports. */
package cn.fulian.reporting.export.web;
