package jp.bansou.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole application with its engine, on H2 (or on PostgreSQL under {@code -Ppostgres}). Every test
 * class carrying it shares one Spring context, so tests must not assume an empty database: each works
 * with its own business ids. Each build gets a new H2 database (contexts of one build share it), so that
 * no data of an earlier run, written by older code, can decide a test. The job executor is off: tests move the engine clock and execute due jobs
 * themselves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=false",
    "bansou.data-dir=./target/test-data/engine-${bansou.test.run:local}",
    // the demo year would put its businesses and cases into the database every test shares
    "bansou.demo.year.enabled=false"
})
@ExtendWith({PostgresRequirement.class, EngineTestExtension.class})
@Tag("engine")
public @interface EngineTest {
}
