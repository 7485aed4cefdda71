package cn.fulian.reporting.report;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ReportScheduleRepository extends MongoRepository<ReportSchedule, Integer> {}
