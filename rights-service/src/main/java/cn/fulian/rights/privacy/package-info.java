/**
 * Protection of complainants' personal data: encryption at rest, keyed match hashes, masking, and the format rules of
 * Chinese ID and phone numbers.
 */
package cn.fulian.rights.privacy;
