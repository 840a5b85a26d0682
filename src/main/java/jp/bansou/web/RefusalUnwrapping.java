package jp.bansou.web;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Lets a refusal leave the engine as itself. The expression language wraps what a {@code ${bean.method()}}
 * throws ("Error while evaluating expression … Cause: …"), and the engine logs every failure that is not a
 * {@link BadUserRequestException} as an ERROR with its stack trace. Rethrowing the refusal found in the
 * cause chain, inside the command context, makes the engine log it at DEBUG and gives every caller (REST,
 * Java API, Bansō's /api) the refusal the track threw; the one WARN line is written where it is answered.
 */
@Component
public class RefusalUnwrapping extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
    }
    interceptors.add(new Unwrap());
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  static final class Unwrap extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (BadUserRequestException refusal) {
        throw refusal;
      } catch (NullValueException missing) {
        // "Cannot find task with id …": the engine's words when a task was completed a moment earlier
        if (missing.getMessage() != null && missing.getMessage().startsWith("Cannot find task with id")) {
          throw new TaskNotFound(missing);
        }
        throw missing;
      } catch (RuntimeException failure) {
        BadUserRequestException refusal = wrapped(failure);
        if (refusal != null) {
          throw refusal;
        }
        throw failure;
      }
    }

    private static BadUserRequestException wrapped(Throwable failure) {
      int depth = 0;
      for (Throwable cause = failure.getCause(); cause != null && depth < 50; cause = cause.getCause(), depth++) {
        if (cause instanceof BadUserRequestException refusal) {
          return refusal;
        }
      }
      return null;
    }
  }
}
