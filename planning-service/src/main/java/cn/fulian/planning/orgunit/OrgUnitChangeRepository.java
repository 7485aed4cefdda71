package cn.fulian.planning.orgunit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface OrgUnitChangeRepository extends MongoRepository<OrgUnitChange, String> {

    Page<OrgUnitChange> findByCode(String code, Pageable pageable);
}
