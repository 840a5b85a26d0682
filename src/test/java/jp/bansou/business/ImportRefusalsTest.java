package jp.bansou.business;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.bansou.testing.EngineTest;
import jp.bansou.testing.TestBusinesses;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A hostile or broken file gets a short, line-numbered Japanese answer with 4xx and imports nothing; the
 * registry search answers one page and takes {@code %} and {@code _} as the characters they are.
 */
@EngineTest
@SuppressWarnings({"unchecked", "rawtypes"})
class ImportRefusalsTest {

  private static final String HEADER = "事業者ID,事業者名,法人・個人,業種,従業員数,会員,住所\n";

  @Autowired
  TestRestTemplate http;
  @Autowired
  BusinessRegistry registry;

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aFileOfManyBadLinesAnswersTheFirstHundredProblemsAndHowManyThereAre() {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 0; i < 5_000; i++) {
      csv.append("T-").append(run).append('-').append(i).append(",留萌商店,個人,ラーメン,三,会員,\n");
    }

    ResponseEntity<String> raw = http.withBasicAuth("takahashi", "demo").postForEntity("/api/businesses/import",
        csvBody(csv.toString().getBytes(StandardCharsets.UTF_8)), String.class);
    Map body = upload(csv.toString().getBytes(StandardCharsets.UTF_8)).getBody();

    assertThat(raw.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(raw.getBody().length()).as("answer size").isLessThan(30_000);
    assertThat((List) body.get("problems")).hasSize(100);
    assertThat(body).containsEntry("problemCount", 5_000);
    assertThat((String) body.get("message")).contains("5000件の誤り").contains("最初の100件");
    assertThat(registry.find("T-" + run + "-0")).isEmpty();
  }

  @Test
  void aHugeIdIsNotEchoedBackWhole() {
    String hugeId = "X".repeat(1_000_000);
    ResponseEntity<String> answer = http.withBasicAuth("takahashi", "demo").postForEntity("/api/businesses/import",
        csvBody((HEADER + hugeId + ",留萌商店,個人,製造業,3,会員,\n").getBytes(StandardCharsets.UTF_8)), String.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).contains("事業者ID」は50文字以内にしてください（1000000文字あります）");
    assertThat(answer.getBody().length()).isLessThan(2_000);
  }

  @Test
  void controlCharactersAndPathLikeOrMarkupIdsAreRefusedWithTheirLines() {
    String csv = HEADER
        + "../../etc/passwd,留萌商店,個人,製造業,3,会員,\n"
        + "<script>alert(1)</script>,留萌商店,個人,製造業,3,会員,\n"
        + "T-" + run + "-bell,留萌\u0007商店,個人,製造業,3,会員,\n"
        + "T-" + run + "-ok,留萌商店,個人,製造業,3,会員,\n";

    Map body = upload(csv.getBytes(StandardCharsets.UTF_8)).getBody();

    List<Map<String, Object>> problems = (List<Map<String, Object>>) body.get("problems");
    assertThat(problems).extracting(problem -> problem.get("line")).containsExactly(2, 3, 4);
    assertThat((String) problems.get(0).get("reason")).contains("事業者ID「../../etc/passwd」には空白や記号");
    assertThat((String) problems.get(1).get("reason")).contains("事業者ID「<script>alert(1)</script>」には空白や記号");
    assertThat((String) problems.get(2).get("reason")).contains("「事業者名」に制御文字");
    assertThat(registry.find("T-" + run + "-ok")).as("a refused file imports nothing").isEmpty();
  }

  @Test
  void aValueLongerThanItsColumnIsRefusedWith400() {
    String csv = HEADER + "T-" + run + "-long,留萌商店,個人,製造業,3,会員," + "留".repeat(301) + "\n";

    ResponseEntity<Map> answer = upload(csv.getBytes(StandardCharsets.UTF_8));

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) ((List<Map<String, Object>>) answer.getBody().get("problems")).get(0).get("reason"))
        .contains("「住所」は300文字以内にしてください（301文字あります）");
  }

  @Test
  void anEmptyFileIsRefusedSayingSo() {
    ResponseEntity<Map> answer = upload(new byte[0]);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().toString()).contains("ファイルが空です");
  }

  @Test
  void aFileMixingUtf8AndShiftJisIsRefusedNamingALineOfEach() {
    byte[] utf8 = (HEADER + "T-" + run + "-u,留萌商店,個人,製造業,3,会員,\n").getBytes(StandardCharsets.UTF_8);
    byte[] sjis = ("T-" + run + "-s,黄金岬食堂,個人,製造業,2,会員,\n").getBytes(Charset.forName("windows-31j"));
    byte[] mixed = new byte[utf8.length + sjis.length];
    System.arraycopy(utf8, 0, mixed, 0, utf8.length);
    System.arraycopy(sjis, 0, mixed, utf8.length, sjis.length);

    ResponseEntity<Map> answer = upload(mixed);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().toString()).contains("文字コードが混ざっています（1行目はUTF-8、3行目はShift_JIS");
    assertThat(registry.find("T-" + run + "-u")).isEmpty();
  }

  @Test
  void aFileTooLargeForARegistryIsRefusedWith413() {
    byte[] large = new byte[BusinessImport.MAX_FILE_BYTES + 1];
    java.util.Arrays.fill(large, (byte) 'a');

    ResponseEntity<String> answer = http.withBasicAuth("takahashi", "demo").postForEntity("/api/businesses/import",
        csvBody(large), String.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(answer.getBody()).contains("大きすぎます");
  }

  @Test
  void theRegistrySearchTakesPercentAndUnderscoreLiterally() {
    TestBusinesses.register(registry, "T-" + run + "-p1", "割引100%" + run, "製造業", 3, "sato");
    TestBusinesses.register(registry, "T-" + run + "-p2", "割引1000" + run, "製造業", 3, "sato");
    TestBusinesses.register(registry, "T-" + run + "-u1", "A_B" + run, "製造業", 3, "sato");
    TestBusinesses.register(registry, "T-" + run + "-u2", "AxB" + run, "製造業", 3, "sato");

    assertThat(search("100%" + run, 0, 50).getBody()).extracting(b -> ((Map) b).get("id"))
        .containsExactly("T-" + run + "-p1");
    assertThat(search("A_B" + run, 0, 50).getBody()).extracting(b -> ((Map) b).get("id"))
        .containsExactly("T-" + run + "-u1");
  }

  @Test
  void theRegistrySearchAnswersOnePageAtATime() {
    for (int i = 1; i <= 3; i++) {
      TestBusinesses.register(registry, "T-" + run + "-page" + i, "頁" + run, "製造業", 3, "sato");
    }

    ResponseEntity<List> first = search("頁" + run, 0, 2);
    ResponseEntity<List> second = search("頁" + run, 1, 2);

    assertThat(first.getBody()).extracting(b -> ((Map) b).get("id"))
        .containsExactly("T-" + run + "-page1", "T-" + run + "-page2");
    assertThat(first.getHeaders().getFirst("X-More-Results")).isEqualTo("true");
    assertThat(second.getBody()).extracting(b -> ((Map) b).get("id")).containsExactly("T-" + run + "-page3");
    assertThat(second.getHeaders().getFirst("X-More-Results")).isEqualTo("false");
    assertThat(http.withBasicAuth("sato", "demo").getForEntity("/api/businesses?size=1000", Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private ResponseEntity<List> search(String text, int page, int size) {
    return http.withBasicAuth("sato", "demo").getForEntity("/api/businesses?q={q}&page={page}&size={size}",
        List.class, text, page, size);
  }

  private ResponseEntity<Map> upload(byte[] file) {
    var parts = new LinkedMultiValueMap<String, Object>();
    parts.add("file", new ByteArrayResource(file) {
      @Override
      public String getFilename() {
        return "businesses.csv";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth("takahashi", "demo").postForEntity("/api/businesses/import",
        new HttpEntity<>(parts, headers), Map.class);
  }

  private static HttpEntity<byte[]> csvBody(byte[] file) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    return new HttpEntity<>(file, headers);
  }
}
