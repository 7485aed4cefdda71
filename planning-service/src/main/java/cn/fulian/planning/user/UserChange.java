package cn.fulian.planning.user;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One change to an account made through the platform, kept for audit: who changed whose account, when, and what (never
 * a password).
 */
@Document("user_changes")
public record UserChange(
        @Id String id, @Indexed String username, Instant at, String by, String change, String detail) {}
