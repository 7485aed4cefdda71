package cn.fulian.reporting.report;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ProgressReportRepository extends MongoRepository<ProgressReport, String> {}
