/**
 * Protection of complainants' personal data: encryption at rest, keyed match hashes, masking, and the format rules of
 * Chinese ID and phone numbers. The key ring lets the encryption key be rotated: each sealed value names its key.
 */
package cn.fulian.rights.privacy;
