package cn.fulian.reporting.readmodel;

import java.time.Instant;
import org.bson.Document;

/** A published plan ({@link ReadModel#PLANS}): its year, title, unit and when it was published. */
public record PlanDoc(String id, int year, String title, String unitPath, Instant publishedAt) {

    static PlanDoc of(Document d) {
        return new PlanDoc(
                d.getString("_id"),
                Docs.integer(d, "year"),
                d.getString("title"),
                d.getString("unitPath"),
                Docs.instant(d, "publishedAt"));
    }
}
