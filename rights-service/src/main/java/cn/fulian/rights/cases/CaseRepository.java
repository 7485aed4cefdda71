package cn.fulian.rights.cases;

import org.springframework.data.mongodb.repository.MongoRepository;

interface CaseRepository extends MongoRepository<RightsCase, String> {}
