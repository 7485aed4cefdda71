/** Live push: server-sent events telling an open dashboard that its unit's figures changed. */
package cn.fulian.reporting.stream;
