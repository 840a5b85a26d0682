package jp.bansou.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * Spring's error answers (403 from Camunda's app filters, 404, 500, a refused /api call) in Japanese instead
 * of the English "Whitelabel Error Page": a page with ways back for a browser, and for a JSON caller the same
 * JSON as before with a Japanese {@code message}. A reason already written in Japanese (a
 * ResponseStatusException of Bansō's API) is shown as it is; any other reason, which may be an English
 * internal message, is replaced by the status's Japanese text.
 */
@Component
public class JapaneseErrorPages extends DefaultErrorAttributes implements ErrorViewResolver {

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Map<String, Object> attributes = super.getErrorAttributes(request,
        options.including(ErrorAttributeOptions.Include.MESSAGE));
    int status = attributes.get("status") instanceof Integer code ? code : 500;
    Object reason = attributes.get("message");
    attributes.put("message", reason instanceof String text && Refusal.isJapanese(text)
        ? Refusal.capped(text) : ErrorAnswers.defaultMessage(status));
    attributes.remove("exception");
    attributes.remove("trace");
    return attributes;
  }

  @Override
  public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
    String message = model.get("message") instanceof String text ? text : ErrorAnswers.defaultMessage(status.value());
    ModelAndView page = new ModelAndView(new ErrorPage(status.value(), message), model);
    page.setStatus(status);
    return page;
  }

  private record ErrorPage(int status, String message) implements View {
    @Override
    public String getContentType() {
      return MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";
    }

    @Override
    public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
        throws Exception {
      response.setContentType(getContentType());
      response.getOutputStream().write(ErrorAnswers.page(status, message, request).getBytes(StandardCharsets.UTF_8));
    }
  }
}
