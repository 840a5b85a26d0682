package jp.bansou.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What every request to Bansō is held to.
 *
 * @param maxRequestSize the largest request body accepted at any address (413 beyond it); the registry
 *     import may set a smaller limit of its own, never a larger one
 */
@ConfigurationProperties("bansou.web")
public record WebProperties(@DefaultValue("20MB") DataSize maxRequestSize) {}
