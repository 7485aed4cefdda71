package cn.fulian.activity.catalogue;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ActivityTypeRepository extends MongoRepository<ActivityType, String> {}
