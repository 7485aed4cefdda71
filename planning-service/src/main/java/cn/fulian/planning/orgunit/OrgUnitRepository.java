package cn.fulian.planning.orgunit;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface OrgUnitRepository extends MongoRepository<OrgUnit, String> {

    Optional<OrgUnit> findByPath(String path);

    List<OrgUnit> findByParentCodeOrderByCode(String parentCode);

    List<OrgUnit> findByParentCodeAndRetiredFalseOrderByCode(String parentCode);

    Optional<OrgUnit> findFirstByParentCodeAndNameAndRetiredFalse(String parentCode, String name);

    /** The root of the tree: the one unit without a parent. */
    Optional<OrgUnit> findFirstByParentCodeIsNull();

    Page<OrgUnit> findByPathRegex(String regex, Pageable pageable);

    List<OrgUnit> findByPathRegexOrderByPath(String regex);

    /** Codes the platform gave under a parent ({@code 350102-001} …), retired ones included: never given twice. */
    List<OrgUnit> findByCodeRegex(String regex);

    List<OrgUnit> findByHistoryPendingTrue();

    List<OrgUnit> findByMovedFromNotNull();
}
