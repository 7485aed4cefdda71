package cn.fulian.planning.user;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface PlatformUserRepository extends MongoRepository<PlatformUser, String> {

    Optional<PlatformUser> findByUsername(String username);
}
