package jp.bansou.correction;

import org.camunda.bpm.engine.AuthorizationException;

/** A correction the signed-in user may not make, with the Japanese reason (answered 403 at every door). */
class CorrectionRefused extends AuthorizationException {

  private static final long serialVersionUID = 1L;

  CorrectionRefused(String message) {
    super(message);
  }
}
