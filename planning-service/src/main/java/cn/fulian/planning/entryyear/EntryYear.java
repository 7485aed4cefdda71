package cn.fulian.planning.entryyear;

import cn.fulian.events.planning.EntryYearClosed;
import cn.fulian.events.planning.EntryYearOpened;
import cn.fulian.starter.outbox.AggregateRoot;
import cn.fulian.starter.problem.ConflictException;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One past year and whether it is open for entry, with who opened or closed it last and why. */
@Document("entry_years")
public class EntryYear extends AggregateRoot {

    @Id
    private int year;

    private boolean open;
    private String reason;
    private String changedBy;
    private Instant changedAt;
    private String rootPath;

    EntryYear() {}

    static EntryYear of(int year, String rootPath) {
        EntryYear y = new EntryYear();
        y.year = year;
        y.rootPath = rootPath;
        return y;
    }

    void open(String by, String why, Instant at) {
        if (open) {
            throw new ConflictException(year + "年度已开放补录 / " + year + " is already open for entry");
        }
        open = true;
        reason = why;
        changedBy = by;
        changedAt = at;
        record(new EntryYearOpened(year, by, why, at), rootPath, at);
    }

    void close(String by, Instant at) {
        if (!open) {
            throw new ConflictException(year + "年度未开放补录,无需关闭 / " + year + " is not open");
        }
        open = false;
        changedBy = by;
        changedAt = at;
        record(new EntryYearClosed(year, by, at), rootPath, at);
    }

    @Override
    protected String aggregateId() {
        return "entry-year-" + year;
    }

    public int year() {
        return year;
    }

    public boolean open() {
        return open;
    }

    public String reason() {
        return reason;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
