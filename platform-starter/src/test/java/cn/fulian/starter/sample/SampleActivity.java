package cn.fulian.starter.sample;

import cn.fulian.events.activity.ActivityAmended;
import cn.fulian.events.activity.ActivityRecorded;
import cn.fulian.starter.outbox.AggregateRoot;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("sample_activities")
class SampleActivity extends AggregateRoot {

    @Id
    private String id;

    private String unitPath;
    private String title;
    private int participants;

    SampleActivity() {}

    static SampleActivity record(String id, String unitPath, String title, int participants, LocalDate day) {
        SampleActivity a = new SampleActivity();
        a.id = id;
        a.unitPath = unitPath;
        a.title = title;
        a.participants = participants;
        a.record(
                new ActivityRecorded(
                        id,
                        unitPath,
                        "TRAINING",
                        day.getYear(),
                        day,
                        day,
                        Map.of("participants", BigDecimal.valueOf(participants)),
                        List.of()),
                unitPath,
                Instant.now());
        return a;
    }

    void amend(int newParticipants, String reason) {
        int delta = newParticipants - participants;
        participants = newParticipants;
        record(
                new ActivityAmended(
                        id, unitPath, 2026, Map.of("participants", BigDecimal.valueOf(delta)), List.of(), reason),
                unitPath,
                Instant.now());
    }

    @Override
    protected String aggregateId() {
        return id;
    }

    String id() {
        return id;
    }

    String unitPath() {
        return unitPath;
    }

    String title() {
        return title;
    }

    int participants() {
        return participants;
    }
}
