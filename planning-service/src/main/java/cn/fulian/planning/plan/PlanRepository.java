package cn.fulian.planning.plan;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

public interface PlanRepository extends MongoRepository<AnnualPlan, String> {

    /** Plans of the given units (the caller's ancestors) and of the subtree the regex matches (its own and below). */
    @Query("{ '$or': [ { 'unitPath': { '$in': ?0 } }, { 'unitPath': { '$regex': ?1 } } ] }")
    Page<AnnualPlan> findVisible(Collection<String> unitPaths, String subtreeRegex, Pageable pageable);

    @Query("{ 'year': ?2, '$or': [ { 'unitPath': { '$in': ?0 } }, { 'unitPath': { '$regex': ?1 } } ] }")
    Page<AnnualPlan> findVisibleInYear(Collection<String> unitPaths, String subtreeRegex, int year, Pageable pageable);

    List<AnnualPlan> findByRootAssignmentsPendingTrue();
}
