package cn.fulian.activity.honour;

import org.springframework.data.mongodb.repository.MongoRepository;

interface HonourRepository extends MongoRepository<Honour, String> {}
