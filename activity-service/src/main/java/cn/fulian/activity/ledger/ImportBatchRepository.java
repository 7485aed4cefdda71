package cn.fulian.activity.ledger;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ImportBatchRepository extends MongoRepository<ImportBatch, String> {
    Optional<ImportBatch> findByUnitPathAndSha256(String unitPath, String sha256);

    List<ImportBatch> findByStatus(ImportBatch.Status status);
}
