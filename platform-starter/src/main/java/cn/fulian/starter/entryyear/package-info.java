/**
 * Which years take entries: this year and the last always, earlier years once city staff open them (planning's
 * {@code EntryYearOpened}), so a federation can move its earlier ledgers in without anyone backdating by mistake.
 */
package cn.fulian.starter.entryyear;
