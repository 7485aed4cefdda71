package cn.fulian.activity.catalogue;

import org.springframework.data.mongodb.repository.MongoRepository;

interface MetricDefinitionRepository extends MongoRepository<MetricDefinition, String> {}
