/** What every HTTP adapter of the service shares: the page shape of lists. */
package cn.fulian.reporting.web;
