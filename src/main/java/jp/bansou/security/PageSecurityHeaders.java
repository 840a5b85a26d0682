package jp.bansou.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bansō's own pages and API send the headers Camunda's apps send: no framing by another site (clickjacking),
 * no content-type guessing, and a content security policy. The policy is stricter than Camunda's (no inline
 * or eval'd script): the case file and KPI pages load only their own script and style files.
 */
@Configuration(proxyBeanMethods = false)
class PageSecurityHeaders {

  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  @Bean
  FilterRegistrationBean<HeaderFilter> pageSecurityHeadersFilter() {
    var registration = new FilterRegistrationBean<>(new HeaderFilter());
    registration.setName("bansou-page-security-headers");
    registration.addUrlPatterns("/casefile", "/casefile/*", "/kpi", "/kpi/*", "/api/*");
    return registration;
  }

  static final class HeaderFilter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      response.setHeader("Referrer-Policy", "same-origin");
      chain.doFilter(request, response);
    }
  }
}
