package cn.fulian.rights.cases;

/**
 * The personal data of a case as stored: every value sealed by the cipher (AES-256-GCM, bound to the case and field).
 * The constants name the fields in the access record; they are also the associated data the cipher binds each value
 * to. All free text (notes, reasons, the closing summary) is sealed as {@link #NOTES}.
 */
public record SealedPersonalData(
        String complainantName,
        String complainantPhone,
        String complainantIdNumber,
        String complainantAddress,
        String respondentName,
        String respondentRelation,
        String account) {

    public static final String COMPLAINANT_NAME = "complainant.name";
    public static final String COMPLAINANT_PHONE = "complainant.phone";
    public static final String COMPLAINANT_ID_NUMBER = "complainant.idNumber";
    public static final String COMPLAINANT_ADDRESS = "complainant.address";
    public static final String RESPONDENT_NAME = "respondent.name";
    public static final String RESPONDENT_RELATION = "respondent.relation";
    public static final String ACCOUNT = "account";
    public static final String CLOSING_SUMMARY = "closingSummary";
    public static final String NOTES = "timeline.note";
    public static final String TRANSFER_REASON = "pendingTransfer.reason";

    @Override
    public String toString() {
        return "SealedPersonalData[sealed]";
    }
}
