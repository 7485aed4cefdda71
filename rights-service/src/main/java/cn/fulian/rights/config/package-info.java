/** Service-wide settings of the rights service: its time zone, clock and repeat-detection window. */
package cn.fulian.rights.config;
