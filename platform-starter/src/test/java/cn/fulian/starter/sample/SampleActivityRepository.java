package cn.fulian.starter.sample;

import org.springframework.data.mongodb.repository.MongoRepository;

interface SampleActivityRepository extends MongoRepository<SampleActivity, String> {}
