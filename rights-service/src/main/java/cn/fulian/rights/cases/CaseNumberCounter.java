package cn.fulian.rights.cases;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The last sequence handed out for one case-number prefix and year; {@code id} is {@code 鼓楼-2026}. Incremented with
 * one atomic find-and-modify, so instances registering at the same moment never get the same number.
 */
@Document("case_number_counters")
record CaseNumberCounter(@Id String id, String prefix, int year, long last) {

    /** The counter of {@code prefix} in {@code year}. */
    static Query of(String prefix, int year) {
        return Query.query(Criteria.where("_id").is(prefix + "-" + year));
    }

    /** One more number; creates the counter at 1 for the year's first case. */
    static Update increment(String prefix, int year) {
        return new Update().inc("last", 1).setOnInsert("prefix", prefix).setOnInsert("year", year);
    }
}
