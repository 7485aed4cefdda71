package cn.fulian.planning.entryyear;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface EntryYearRepository extends MongoRepository<EntryYear, Integer> {

    List<EntryYear> findByOpenTrueOrderByYearDesc();
}
