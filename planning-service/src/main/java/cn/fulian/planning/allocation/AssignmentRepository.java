package cn.fulian.planning.allocation;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface AssignmentRepository extends MongoRepository<Assignment, String> {

    Page<Assignment> findByUnitPath(String unitPath, Pageable pageable);

    Page<Assignment> findByUnitPathAndYear(String unitPath, int year, Pageable pageable);

    Page<Assignment> findByUnitPathAndYearAndStatus(
            String unitPath, int year, AssignmentStatus status, Pageable pageable);

    List<Assignment> findByTaskIdAndUnitPathRegex(String taskId, String regex);

    List<Assignment> findByParentAssignmentId(String parentAssignmentId);

    List<Assignment> findByIdIn(Collection<String> ids);

    List<Assignment> findByChildrenPendingTrue();

    List<Assignment> findByTaskId(String taskId);
}
