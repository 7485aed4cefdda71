/** The access record of personal data: who saw which unmasked fields of which case, and when (PIPL Art. 28). */
package cn.fulian.rights.audit;
