/** The fixed vocabularies of rights work (channels, categories, steps, outcomes, statuses) with their Chinese labels. */
package cn.fulian.rights.codes;
