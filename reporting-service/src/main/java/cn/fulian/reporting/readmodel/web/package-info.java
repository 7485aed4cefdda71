/** HTTP adapter of the read model: the rebuild command. */
package cn.fulian.reporting.readmodel.web;
