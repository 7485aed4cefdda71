package cn.fulian.activity.activity;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ActivityRepository extends MongoRepository<Activity, String> {}
