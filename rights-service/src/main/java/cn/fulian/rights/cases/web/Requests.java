package cn.fulian.rights.cases.web;

import cn.fulian.rights.codes.Category;
import cn.fulian.rights.codes.Channel;
import cn.fulian.rights.codes.Outcome;
import cn.fulian.rights.codes.StepType;
import cn.fulian.rights.privacy.MaxChars;
import cn.fulian.rights.privacy.PersonalText;
import cn.fulian.rights.privacy.ValidIdNumber;
import cn.fulian.rights.privacy.ValidPhone;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** Request bodies of the case endpoints. Every field that may hold personal data is a {@link PersonalText}. */
final class Requests {

    private Requests() {}

    /**
     * Intake (登记). {@code urgent}: imminent danger, to be acted on the same day. {@code receivedOn}: the day the
     * letter, visit or call came in, today when absent; earlier days back to 2000 for cases typed in late or moved in
     * from an earlier year's ledger.
     */
    record RegisterCase(
            @NotNull Channel channel,
            @NotNull Category category,
            Boolean urgent,
            @NotNull @Valid Complainant complainant,
            @Valid Respondent respondent,
            @NotNull @MaxChars(5000) PersonalText account,
            LocalDate receivedOn) {}

    /** The person who complains. Phone and ID number are optional but checked when given. */
    record Complainant(
            @NotNull @MaxChars(50) PersonalText name,
            @ValidPhone PersonalText phone,
            @ValidIdNumber PersonalText idNumber,
            @MaxChars(200) PersonalText address,
            Boolean minorInvolved) {}

    /** The person complained about, where there is one; {@code relation} e.g. 丈夫, 前夫, 用人单位. */
    record Respondent(
            @MaxChars(50) PersonalText name, @MaxChars(20) PersonalText relation) {}

    record Note(@MaxChars(2000) PersonalText note) {}

    record Reason(@NotNull @MaxChars(1000) PersonalText reason) {}

    /**
     * Why the officer needs to see the personal data (e.g. 回访前核实联系电话); kept in the access record. Required
     * unless {@code fulian.rights.unmask-reason-required} is false.
     */
    record Unmask(@MaxChars(200) PersonalText reason) {}

    record Step(
            @NotNull StepType type, @NotNull @MaxChars(2000) PersonalText note) {}

    /** {@code toUnit}: the path of a direct child (交办) or of the parent unit (上报). */
    record Transfer(
            @NotBlank String toUnit,
            @NotNull @MaxChars(1000) PersonalText reason) {}

    /** {@code closedOn}: the day the case was concluded, today when absent. */
    record Close(
            @NotNull Outcome outcome,
            @NotNull @MaxChars(5000) PersonalText summary,
            LocalDate closedOn) {}

    record FollowUp(
            @NotNull @Min(1) @Max(5) Integer satisfaction,
            @MaxChars(2000) PersonalText note) {}
}
