package cn.fulian.reporting.period;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ReportScheduleRepository extends MongoRepository<ReportSchedule, Integer> {}
