package jp.bansou.business;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.bansou.testing.EngineTest;
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

/** The office system's business list, imported over REST the way the office would send it. */
@EngineTest
class BusinessImportTest {

  private static final Charset SHIFT_JIS = Charset.forName("windows-31j");

  @Autowired
  TestRestTemplate http;
  @Autowired
  BusinessRegistry registry;

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  private String japaneseCsv() {
    return "事業者ID,事業者名,フリガナ,法人・個人,業種,従業員数,代表者,代表者年齢,住所,電話番号,メールアドレス,会員,担当経営指導員\r\n"
        + "T-" + run + "-1,株式会社留萌かずの子食品,ルモイカズノコショクヒン,法人,製造業,4,留萌 太郎,58,"
        + "\"北海道留萌市船場町2丁目1番地\",0164-42-0000,info@kazunoko.example,会員,sato\r\n"
        + "T-" + run + "-2,黄金岬食堂,オウゴンミサキショクドウ,個人,宿泊業、飲食サービス業,2,岬 花子,67,"
        + "北海道留萌市大町,0164-43-0000,,非会員,ito\r\n";
  }

  @Test
  void aShiftJisFileWithJapaneseHeadersIsImported() {
    ResponseEntity<Map> response = upload("takahashi", japaneseCsv().getBytes(SHIFT_JIS));

    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).containsEntry("created", 2).containsEntry("updated", 0).containsEntry("unchanged",
        0);
    assertThat(registry.find("T-" + run + "-1")).get().satisfies(business -> {
      assertThat(business.name()).isEqualTo("株式会社留萌かずの子食品");
      assertThat(business.nameKana()).isEqualTo("ルモイカズノコショクヒン");
      assertThat(business.legalForm()).isEqualTo(LegalForm.CORPORATION);
      assertThat(business.employees()).isEqualTo(4);
      assertThat(business.representativeAge()).isEqualTo(58);
      assertThat(business.chamberMember()).isTrue();
      assertThat(business.advisor()).isEqualTo("sato");
    });
    assertThat(registry.find("T-" + run + "-2")).get().satisfies(business -> {
      assertThat(business.legalForm()).isEqualTo(LegalForm.SOLE_PROPRIETOR);
      assertThat(business.chamberMember()).isFalse();
      assertThat(business.email()).isNull();
    });
  }

  @Test
  void aUtf8FileWithBomAndEnglishHeadersIsImportedAndAReimportChangesNothing() {
    String csv = "\uFEFFid,name,legalForm,industry,employees,member,advisor\n"
        + "T-" + run + "-E,\"留萌港運輸株式会社\",corporation,運輸業、郵便業,25,yes,ito\n";
    byte[] file = csv.getBytes(StandardCharsets.UTF_8);

    assertThat(upload("admin", file).getBody()).containsEntry("created", 1);
    assertThat(registry.find("T-" + run + "-E")).get().extracting(Business::name).isEqualTo("留萌港運輸株式会社");

    assertThat(upload("admin", file).getBody())
        .containsEntry("created", 0).containsEntry("updated", 0).containsEntry("unchanged", 1);

    byte[] changed = csv.replace(",25,", ",26,").getBytes(StandardCharsets.UTF_8);
    assertThat(upload("admin", changed).getBody()).containsEntry("updated", 1).containsEntry("unchanged", 0);
    assertThat(registry.find("T-" + run + "-E")).get().extracting(Business::employees).isEqualTo(26);
  }

  @Test
  void aFileWithABadRowIsRefusedWholeWithTheLineAndTheReason() {
    String csv = japaneseCsv()
        + "T-" + run + "-3,留萌ラーメン,個人,飲食店,三,,,,,,,会員,\r\n";

    ResponseEntity<Map> response = upload("takahashi", csv.getBytes(StandardCharsets.UTF_8));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("message")).contains("取り込みませんでした");
    List<Map<String, Object>> problems = (List<Map<String, Object>>) response.getBody().get("problems");
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0)).containsEntry("line", 4);
    assertThat((String) problems.get(0).get("reason"))
        .contains("法人・個人「飲食店」").doesNotContain("業種「飲食店」");
    assertThat(registry.find("T-" + run + "-1")).as("nothing of the file is applied").isEmpty();
  }

  @Test
  void aMissingColumnAnUnknownIndustryAndANumberAreReportedPerRow() {
    String csv = "事業者ID,事業者名,法人・個人,業種,従業員数,会員\n"
        + "T-" + run + "-4,留萌ラーメン,個人,ラーメン,三,会員\n"
        + "T-" + run + "-4,留萌ラーメン,個人,宿泊業、飲食サービス業,3,会員\n"
        + "T-" + run + "-4,留萌ラーメン,個人,宿泊業、飲食サービス業,3,会員\n";

    List<Map<String, Object>> problems = problemsOf(csv);

    assertThat(problems).extracting(problem -> problem.get("line")).containsExactly(2, 4);
    assertThat((String) problems.get(0).get("reason"))
        .contains("業種「ラーメン」は経済センサスの産業大分類にありません").contains("従業員数「三」は整数ではありません");
    assertThat((String) problems.get(1).get("reason")).contains("ファイル内で重複");

    assertThat((String) problemsOf("事業者名,業種\n留萌ラーメン,製造業\n").get(0).get("reason"))
        .contains("必須の列「事業者ID」");
  }

  @Test
  void figuresTypedWithTheImeAreReadExactlyAndAFigureThatIsNoneIsRefusedWithItsLine() {
    String csv = "事業者ID,事業者名,法人・個人,業種,従業員数,代表者年齢,会員\n"
        + "T-" + run + "-W,留萌水産加工,法人,製造業,１，２００人,５８歳,会員\n"
        + "T-" + run + "-V,留萌ベーカリー,個人,製造業, 12名 ,61,会員\n";

    assertThat(upload("takahashi", csv.getBytes(StandardCharsets.UTF_8)).getBody()).containsEntry("created", 2);
    assertThat(registry.find("T-" + run + "-W")).get().satisfies(business -> {
      assertThat(business.employees()).isEqualTo(1200);
      assertThat(business.representativeAge()).isEqualTo(58);
    });
    assertThat(registry.find("T-" + run + "-V")).get().extracting(Business::employees).isEqualTo(12);

    String bad = "事業者ID,事業者名,法人・個人,業種,従業員数,代表者年齢,会員\n"
        + "T-" + run + "-X,留萌そば,個人,宿泊業、飲食サービス業,2,45,会員\n"
        + "T-" + run + "-Y,留萌生花店,個人,卸売業、小売業,\"1,20\",20,会員\n"
        + "T-" + run + "-Z,留萌精肉店,個人,卸売業、小売業,3.5,１２１,会員\n";
    List<Map<String, Object>> problems = problemsOf(bad);

    assertThat(problems).extracting(problem -> problem.get("line")).containsExactly(3, 4);
    assertThat((String) problems.get(0).get("reason")).contains("従業員数「1,20」は整数ではありません");
    assertThat((String) problems.get(1).get("reason")).contains("従業員数「3.5」は整数ではありません")
        .contains("代表者年齢「１２１」は15以上120以下にしてください");
    assertThat(registry.find("T-" + run + "-X")).as("nothing of a refused file is applied").isEmpty();
  }

  /** The problems, line by line, of a UTF-8 file a manager imports. */
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> problemsOf(String csv) {
    return (List<Map<String, Object>>) upload("takahashi", csv.getBytes(StandardCharsets.UTF_8)).getBody()
        .get("problems");
  }

  @Test
  void onlyManagersAndAdministratorsImport() {
    assertThat(upload("sato", japaneseCsv().getBytes(StandardCharsets.UTF_8)).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(upload("tanaka", japaneseCsv().getBytes(StandardCharsets.UTF_8)).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.postForEntity("/api/businesses/import", csvBody(japaneseCsv().getBytes(StandardCharsets.UTF_8)),
        String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(registry.find("T-" + run + "-1")).isEmpty();
  }

  @Test
  void aTextCsvBodyIsAcceptedToo() {
    ResponseEntity<Map> response = http.withBasicAuth("takahashi", "demo").postForEntity(
        "/api/businesses/import", csvBody(japaneseCsv().getBytes(SHIFT_JIS)), Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).containsEntry("created", 2);
  }

  private ResponseEntity<Map> upload(String user, byte[] file) {
    var parts = new LinkedMultiValueMap<String, Object>();
    parts.add("file", new ByteArrayResource(file) {
      @Override
      public String getFilename() {
        return "businesses.csv";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, "demo").postForEntity("/api/businesses/import", new HttpEntity<>(parts, headers),
        Map.class);
  }

  private static HttpEntity<byte[]> csvBody(byte[] file) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    return new HttpEntity<>(file, headers);
  }
}
