package cn.fulian.planning.plan;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface PlanRepository extends MongoRepository<AnnualPlan, String> {

    Page<AnnualPlan> findByUnitPathIn(Collection<String> unitPaths, Pageable pageable);

    Page<AnnualPlan> findByUnitPathInAndYear(Collection<String> unitPaths, int year, Pageable pageable);

    List<AnnualPlan> findByRootAssignmentsPendingTrue();
}
