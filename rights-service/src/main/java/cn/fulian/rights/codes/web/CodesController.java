package cn.fulian.rights.codes.web;

import cn.fulian.rights.codes.CaseStatus;
import cn.fulian.rights.codes.Category;
import cn.fulian.rights.codes.Channel;
import cn.fulian.rights.codes.Labelled;
import cn.fulian.rights.codes.Outcome;
import cn.fulian.rights.codes.Satisfaction;
import cn.fulian.rights.codes.StepType;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The codes a client needs for forms and filters, with their Chinese labels. */
@RestController
class CodesController {

    record Code(String code, String label) {}

    /** A 回访 answer and the score the follow-up request takes for it. */
    record Score(String code, String label, int score) {}

    record Codes(
            List<Code> channels,
            List<Code> categories,
            List<Code> statuses,
            List<Code> stepTypes,
            List<Code> outcomes,
            List<Score> satisfactions) {}

    @GetMapping("${fulian.api-prefix}/codes")
    Codes codes() {
        return new Codes(
                of(Channel.values()),
                of(Category.values()),
                of(CaseStatus.values()),
                of(StepType.values()),
                of(Outcome.values()),
                Arrays.stream(Satisfaction.values())
                        .map(v -> new Score(v.name(), v.label(), v.score()))
                        .toList());
    }

    private static List<Code> of(Labelled[] values) {
        return Arrays.stream(values).map(v -> new Code(v.name(), v.label())).toList();
    }
}
