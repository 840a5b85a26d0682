package jp.bansou.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * Adds a session of a type to every command: the engine opens one per command on first use and flushes and
 * closes it with the command. A custom factory for one of the engine's own session types replaces the engine's,
 * the documented way a plugin exchanges one; for a new type it is a per-command place of the plugin's own.
 */
public final class EngineSessions {

  private EngineSessions() {}

  /** To be called from a plugin's {@code preInit}, before the engine builds its session factories. */
  public static void add(ProcessEngineConfigurationImpl configuration, Class<?> type, Supplier<Session> open) {
    List<SessionFactory> factories = new ArrayList<>();
    if (configuration.getCustomSessionFactories() != null) {
      factories.addAll(configuration.getCustomSessionFactories());
    }
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return type;
      }

      @Override
      public Session openSession() {
        return open.get();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }
}
