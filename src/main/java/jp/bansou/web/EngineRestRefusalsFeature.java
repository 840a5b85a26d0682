package jp.bansou.web;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Registers {@link EngineRestRefusals} in every Jersey application of the process: /engine-rest (the
 * starter's CamundaJerseyResourceConfig) and the web apps' own engine API under /camunda/api/engine, which
 * Tasklist's start dialog and task forms call and which no Spring customizer reaches. Jersey finds this
 * class through META-INF/services.
 */
public final class EngineRestRefusalsFeature implements AutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(EngineRestRefusals.ForRestException.class)) {
      context.register(EngineRestRefusals.ForRestException.class, EngineRestRefusals.PRIORITY);
      context.register(EngineRestRefusals.ForProcessEngineException.class, EngineRestRefusals.PRIORITY);
      context.register(EngineRestRefusals.ForThrowable.class, EngineRestRefusals.PRIORITY);
    }
  }
}
