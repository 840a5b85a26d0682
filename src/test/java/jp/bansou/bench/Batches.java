package jp.bansou.bench;

import java.util.function.IntConsumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Seeds many instances quickly: a few hundred engine calls share one transaction and one flush. */
final class Batches {

  static final int SIZE = 250;

  static void run(ProcessEngine engine, int count, IntConsumer create) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration();
    for (int from = 0; from < count; from += SIZE) {
      int start = from;
      int end = Math.min(count, from + SIZE);
      configuration.getCommandExecutorTxRequired().execute(context -> {
        for (int i = start; i < end; i++) {
          create.accept(i);
        }
        return null;
      });
    }
  }

  private Batches() {}
}
