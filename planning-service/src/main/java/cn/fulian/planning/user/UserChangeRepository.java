package cn.fulian.planning.user;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface UserChangeRepository extends MongoRepository<UserChange, String> {

    Page<UserChange> findByUsernameOrderByAtDesc(String username, Pageable page);
}
