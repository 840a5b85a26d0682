package jp.bansou.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * How an error looks to staff: a Japanese page with a way back for a browser, {@code {type, message}} JSON
 * for a program. Japanese whatever the browser's language: the chamber works in Japanese and so does
 * everything else it sees in Bansō.
 */
final class ErrorAnswers {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ErrorAnswers() {}

  static void write(HttpServletRequest request, HttpServletResponse response, Refusal refusal) throws IOException {
    response.setStatus(refusal.status());
    if (wantsPage(request)) {
      response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
      response.getOutputStream()
          .write(page(refusal.status(), refusal.message(), request).getBytes(StandardCharsets.UTF_8));
    } else {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", refusal.type());
      body.put("message", refusal.message());
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
  }

  /** A browser navigating (Accept: text/html) gets a page; scripts and REST clients get JSON. */
  static boolean wantsPage(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
  }

  /** What staff are told for a status when nothing more specific (a refusal's own words) is known. */
  static String defaultMessage(int status) {
    return switch (status) {
      case 400 -> "送信された内容を受け付けられませんでした。入力内容を確かめて、もう一度お試しください。";
      case 401 -> "ログインが必要です。ログインしてから、もう一度お試しください。";
      case 403 -> "このページを開く、またはこの操作をする権限がありません。必要なときは事務局（管理者）に相談してください。";
      case 404 -> "お探しのページまたはデータが見つかりません。アドレスや事業者IDが正しいか確かめてください。";
      case 405 -> "この方法ではこの操作はできません。画面のボタンから操作してください。";
      case 409 -> Refusal.CONFLICT_MESSAGE;
      case 413 -> "送信されたデータが大きすぎます。小さくしてから、もう一度送ってください。";
      default -> status >= 500
          ? "サーバーで問題が発生しました。しばらくしてから、もう一度お試しください。続くときは管理者に連絡してください。"
          : "このリクエストは処理できませんでした。入力内容を確かめて、もう一度お試しください。";
    };
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "受け付けられませんでした";
      case 401 -> "ログインが必要です";
      case 403 -> "権限がありません";
      case 404 -> "ページが見つかりません";
      case 409 -> "ほかの人が先に保存しました";
      case 413 -> "データが大きすぎます";
      default -> status >= 500 ? "サーバーで問題が発生しました" : "処理できませんでした";
    };
  }

  /**
   * The page: what happened, what to do, and the ways back. "Back" is the page the person came from (the
   * Referer of the same site), as a plain link so that no script is needed under a strict CSP.
   */
  static String page(int status, String message, HttpServletRequest request) {
    String back = sameSiteReferer(request);
    StringBuilder links = new StringBuilder();
    if (back != null) {
      links.append("<li><a href=\"").append(HtmlUtils.htmlEscape(back)).append("\">前のページに戻る</a></li>");
    }
    links.append("<li><a href=\"/camunda/app/tasklist/\">タスク一覧（Tasklist）へ</a></li>");
    links.append("<li><a href=\"/camunda/app/welcome/\">ようこそページ（アプリの選択）へ</a></li>");
    return """
        <!DOCTYPE html>
        <html lang="ja">
        <head>
        <meta charset="UTF-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s – 伴走</title>
        <style>
        body { font-family: "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", Meiryo, sans-serif; margin: 0;
          background: #f5f6f8; color: #222; }
        main { max-width: 40rem; margin: 4rem auto; background: #fff; padding: 2rem 2.5rem; border-radius: 6px;
          box-shadow: 0 1px 4px rgba(0,0,0,.12); }
        h1 { font-size: 1.4rem; margin: 0 0 1rem; }
        .status { color: #888; font-size: .9rem; margin: 0 0 .5rem; }
        p.message { line-height: 1.7; white-space: pre-line; }
        ul { padding-left: 1.2rem; line-height: 2; }
        a { color: #0b5cad; }
        </style>
        </head>
        <body>
        <main>
        <p class="status">エラー %d</p>
        <h1>%s</h1>
        <p class="message">%s</p>
        <ul class="ways-back">%s</ul>
        </main>
        </body>
        </html>
        """.formatted(title(status), status, title(status), HtmlUtils.htmlEscape(message), links);
  }

  private static String sameSiteReferer(HttpServletRequest request) {
    String referer = request.getHeader("Referer");
    if (referer == null || referer.length() > 2000) {
      return null;
    }
    try {
      URI uri = URI.create(referer);
      if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(request.getServerName())) {
        return null;
      }
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    } catch (IllegalArgumentException notAnAddress) {
      return null;
    }
  }
}
