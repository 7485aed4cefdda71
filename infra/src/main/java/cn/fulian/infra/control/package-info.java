/** {@code down} and {@code status}: act on a platform started by another launcher process, found by its pid files. */
package cn.fulian.infra.control;
