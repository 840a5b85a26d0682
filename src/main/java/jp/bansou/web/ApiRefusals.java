package jp.bansou.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * The same refusals at Bansō's own API (/api): an engine refusal reached through a controller answers
 * like it does at /engine-rest, 400/409 with {@code {type, message}} in Japanese and one WARN line.
 */
@RestControllerAdvice
public class ApiRefusals {

  private final RequestSizeLimit sizeLimit;

  public ApiRefusals(RequestSizeLimit sizeLimit) {
    this.sizeLimit = sizeLimit;
  }

  @ExceptionHandler(ProcessEngineException.class)
  ResponseEntity<Map<String, Object>> engineRefusal(ProcessEngineException failure, HttpServletRequest request)
      throws ProcessEngineException {
    return answer(Refusal.of(failure).orElseThrow(() -> failure), request);
  }

  /** An upload beyond Spring's multipart limits. */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> tooLarge(HttpServletRequest request) {
    return answer(sizeLimit.tooLarge(), request);
  }

  private static ResponseEntity<Map<String, Object>> answer(Refusal refusal, HttpServletRequest request) {
    refusal.log(request.getMethod(), request.getRequestURI());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", refusal.type());
    body.put("message", refusal.message());
    return ResponseEntity.status(refusal.status()).contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
