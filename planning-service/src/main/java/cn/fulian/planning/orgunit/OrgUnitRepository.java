package cn.fulian.planning.orgunit;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface OrgUnitRepository extends MongoRepository<OrgUnit, String> {

    Optional<OrgUnit> findByPath(String path);

    List<OrgUnit> findByParentCodeOrderByCode(String parentCode);

    Page<OrgUnit> findByPathRegex(String regex, Pageable pageable);
}
