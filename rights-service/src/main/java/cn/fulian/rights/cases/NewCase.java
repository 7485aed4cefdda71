package cn.fulian.rights.cases;

import cn.fulian.rights.codes.Category;
import cn.fulian.rights.codes.Channel;
import cn.fulian.rights.privacy.PersonalText;

/** What the desk records at intake, already checked for format. Personal values stay wrapped until sealed. */
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
        PersonalText account) {}
