package jp.bansou.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose declared body is larger than {@code bansou.web.max-request-size} before anything
 * reads it, with 413 and a Japanese message, at every address (/engine-rest, the web apps, /api). Without
 * it a JSON variable of any size reached the engine and the database.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@EnableConfigurationProperties(WebProperties.class)
public class RequestSizeLimit extends OncePerRequestFilter {

  private final long maxBytes;

  public RequestSizeLimit(WebProperties properties) {
    this.maxBytes = properties.maxRequestSize().toBytes();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      Refusal refusal = tooLarge();
      refusal.log(request.getMethod(), request.getRequestURI());
      // The body is left unread: Tomcat closes the connection instead of swallowing megabytes.
      response.setHeader("Connection", "close");
      ErrorAnswers.write(request, response, refusal);
      return;
    }
    chain.doFilter(request, response);
  }

  Refusal tooLarge() {
    return new Refusal(413, Refusal.TOO_LARGE, "送信されたデータが大きすぎます（上限 " + megabytes(maxBytes)
        + "）。ファイルを分けるなどして小さくしてから、もう一度送ってください。");
  }

  static String megabytes(long bytes) {
    long mb = bytes / (1024 * 1024);
    return mb > 0 ? mb + "MB" : Math.max(1, bytes / 1024) + "KB";
  }
}
