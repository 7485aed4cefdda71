/**
 * Entry years: city staff open a past year so a federation can move its earlier ledgers in (activities, rights cases
 * and honour reviews dated in it), and close it again when done. This year and the last are always open.
 */
package cn.fulian.planning.entryyear;
