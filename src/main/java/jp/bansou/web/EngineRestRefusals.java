package jp.bansou.web;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Answers the engine's REST API (/engine-rest, and Tasklist's /camunda/api/engine) with a {@link Refusal}
 * instead of Camunda's "Cannot instantiate process definition …: …" 500. Camunda maps RestException,
 * ProcessEngineException and Throwable with one mapper each; these take precedence over them for the same
 * types (Jersey prefers the lower priority value) but only for the failures {@link #isMappable} accepts,
 * so every other error keeps Camunda's answer.
 */
final class EngineRestRefusals {

  /** Jersey's priority for these mappers: stronger than Camunda's, which have the default (USER, 5000). */
  static final int PRIORITY = 100;

  private static final Pattern TASK_ACTION = Pattern.compile("(^|/)task/([^/]+)/(complete|submit-form|resolve)$");
  private static final Pattern DEPLOYMENT_CREATE = Pattern.compile("(^|/)deployment/create$");
  static final String NO_DEPLOYMENT_RESOURCES = "デプロイするファイルがありません。BPMN・フォームのファイルを multipart/form-data で付けて送ってください。";

  private EngineRestRefusals() {}

  static Optional<Refusal> refusal(Throwable failure, UriInfo uri) {
    // A loser of simultaneous completions fails in whichever way the race hit it: the task gone, the
    // executions gone ("Cannot restore state of process instance …", on PostgreSQL even a
    // NullPointerException inside the engine), or an optimistic lock. If the task is completed by the time
    // we answer, someone else's completion won, and that is what the loser is told.
    Matcher task = TASK_ACTION.matcher(uri.getPath());
    if (task.find() && wasCompleted(task.group(2))) {
      return Optional.of(Refusal.alreadyDone());
    }
    if (DEPLOYMENT_CREATE.matcher(uri.getPath()).find() && failure instanceof RestException rest
        && rest.getStatus() != null && rest.getStatus().getStatusCode() == 400) {
      return Optional.of(new Refusal(400, Refusal.REFUSED, NO_DEPLOYMENT_RESOURCES, rest.getMessage()));
    }
    return Refusal.of(failure);
  }

  static Response answer(Refusal refusal, Request request, UriInfo uri) {
    refusal.log(request.getMethod(), uri.getRequestUri().getRawPath());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", refusal.type());
    body.put("message", refusal.message());
    return Response.status(refusal.status()).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  /**
   * Whether the task existed and was completed: the losers of simultaneous completions that arrive after
   * the winner has committed find no task any more. Asked without the caller's authorizations, since the
   * answer only tells them what they already tried to do.
   */
  private static boolean wasCompleted(String taskId) {
    ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
    if (engine == null) {
      return false;
    }
    IdentityService identity = engine.getIdentityService();
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0;
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  abstract static class Mapper {
    @Context
    UriInfo uri;
    @Context
    Request request;

    boolean mappable(Throwable failure) {
      return refusal(failure, uri).isPresent();
    }

    Response respond(Throwable failure) {
      return answer(refusal(failure, uri).orElseThrow(), request, uri);
    }
  }

  /** Camunda's resources wrap what the engine threw into a RestException with an English prefix. */
  public static final class ForRestException extends Mapper
      implements
        org.glassfish.jersey.spi.ExtendedExceptionMapper<RestException> {
    @Override
    public boolean isMappable(RestException failure) {
      return mappable(failure);
    }

    @Override
    public Response toResponse(RestException failure) {
      return respond(failure);
    }
  }

  public static final class ForProcessEngineException extends Mapper
      implements
        org.glassfish.jersey.spi.ExtendedExceptionMapper<ProcessEngineException> {
    @Override
    public boolean isMappable(ProcessEngineException failure) {
      return mappable(failure);
    }

    @Override
    public Response toResponse(ProcessEngineException failure) {
      return respond(failure);
    }
  }

  public static final class ForThrowable extends Mapper
      implements
        org.glassfish.jersey.spi.ExtendedExceptionMapper<Throwable> {
    @Override
    public boolean isMappable(Throwable failure) {
      return mappable(failure);
    }

    @Override
    public Response toResponse(Throwable failure) {
      return respond(failure);
    }
  }
}
