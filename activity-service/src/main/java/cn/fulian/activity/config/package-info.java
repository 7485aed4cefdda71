/** Service-wide settings and the problem answers the starter does not give (several fields, row reports, 413). */
package cn.fulian.activity.config;
