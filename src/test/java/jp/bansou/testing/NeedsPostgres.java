package jp.bansou.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that runs on PostgreSQL whatever the profile, e.g. because it needs several engines on one
 * database. Without a reachable server it fails when the run expects PostgreSQL and is skipped otherwise,
 * both with a message saying where it looked and how to start it ({@link PostgresRequirement}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresRequirement.class)
public @interface NeedsPostgres {
}
