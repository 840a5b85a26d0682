package jp.bansou.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Whether a first start fills the registry and drives demo cases (on by default, off in prod). */
@ConfigurationProperties("bansou.demo.year")
public record DemoYearProperties(boolean enabled) {}
