package cn.fulian.rights.audit;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ReadAuditRepository extends MongoRepository<ReadAuditEntry, String> {}
