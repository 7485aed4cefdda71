package cn.fulian.rights.cases;

import cn.fulian.rights.codes.Category;
import cn.fulian.rights.codes.Channel;
import cn.fulian.rights.privacy.PersonalText;
import java.time.LocalDate;

/**
 * What the desk records at intake, already checked for format. Personal values stay wrapped until sealed.
 * {@code receivedOn}: the day the case came in, null for today.
 */
public record NewCase(
        Channel channel,
        Category category,
        boolean urgent,
        boolean minorInvolved,
        PersonalText complainantName,
        PersonalText complainantPhone,
        PersonalText complainantIdNumber,
        PersonalText complainantAddress,
        PersonalText respondentName,
        PersonalText respondentRelation,
        PersonalText account,
        LocalDate receivedOn) {}
