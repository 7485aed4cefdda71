/**
 * Rights cases (维权案件): intake at any unit, acceptance, handling steps, transfers between levels, closure, follow-up
 * and reopening, against statutory deadlines, with the complainant's personal data sealed at rest.
 */
package cn.fulian.rights.cases;
