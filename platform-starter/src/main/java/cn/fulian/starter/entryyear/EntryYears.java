package cn.fulian.starter.entryyear;

import cn.fulian.events.planning.EntryYearClosed;
import cn.fulian.events.planning.EntryYearOpened;
import cn.fulian.starter.consumer.ConsumedEvent;
import cn.fulian.starter.consumer.ExactConsumer;
import cn.fulian.starter.problem.FieldProblem;
import cn.fulian.starter.problem.InvalidFieldException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The service's copy of the years city staff opened for entry, kept from {@code planning.events.v1}. A date may be
 * entered when its year is this year or the last (in China's time), a later one, or a year opened and not closed
 * again.
 */
public class EntryYears {

    public static final String COLLECTION = "entry_year_copies";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final MongoTemplate mongo;
    private final ExactConsumer consumer;
    private final Clock clock;

    public EntryYears(MongoTemplate mongo, ExactConsumer consumer, Clock clock) {
        this.mongo = mongo;
        this.consumer = consumer;
        this.clock = clock;
    }

    /** Whether entries dated in {@code year} are accepted. */
    public boolean isOpen(int year) {
        if (alwaysOpen(year, LocalDate.ofInstant(clock.instant(), CHINA))) {
            return true;
        }
        Document d = mongo.findOne(Query.query(Criteria.where("_id").is(year)), Document.class, COLLECTION);
        return d != null && Boolean.TRUE.equals(d.getBoolean("open"));
    }

    /** This year, the last, and any later year take entries without being opened. */
    public static boolean alwaysOpen(int year, LocalDate today) {
        return year >= today.getYear() - 1;
    }

    /**
     * The problem with entering {@code date} in the field, if its year is not open: named so the user knows who can
     * open it.
     */
    public Optional<FieldProblem> problem(String field, LocalDate date) {
        if (date == null || isOpen(date.getYear())) {
            return Optional.empty();
        }
        int year = date.getYear();
        return Optional.of(new FieldProblem(
                field,
                year + "年度未开放补录:往年台账须由市妇联开放该年度后录入",
                "the year " + year + " is not open for entry; city staff open past years for moving ledgers in"));
    }

    /** Refuses {@code date} in the field with a 400 naming it, if its year is not open. */
    public void requireOpen(String field, LocalDate date) {
        problem(field, date).ifPresent(p -> {
            throw new InvalidFieldException(p.field(), p.message(), p.messageEn());
        });
    }

    /** Takes one record of planning's topic, exactly once in effect. */
    public void consume(ConsumerRecord<String, String> record) {
        consumer.consume(record, this::apply);
    }

    /** Applies one planning event; other planning events do not concern entry years. */
    void apply(ConsumedEvent event) {
        switch (event.envelope().type()) {
            case EntryYearOpened.TYPE -> {
                EntryYearOpened e = consumer.codec().payload(event.envelope(), EntryYearOpened.class);
                write(e.year(), true, e.by(), e.at(), event);
            }
            case EntryYearClosed.TYPE -> {
                EntryYearClosed e = consumer.codec().payload(event.envelope(), EntryYearClosed.class);
                write(e.year(), false, e.by(), e.at(), event);
            }
            default -> {
                // plans, tasks and allocations are another feature's
            }
        }
    }

    private void write(int year, boolean open, String by, java.time.Instant at, ConsumedEvent event) {
        consumer.writer()
                .apply(
                        COLLECTION,
                        year,
                        new Update().set("open", open).set("by", by).set("at", at == null ? null : Date.from(at)),
                        event);
    }
}
