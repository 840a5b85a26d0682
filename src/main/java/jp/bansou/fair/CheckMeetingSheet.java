package jp.bansou.fair;

import static jp.bansou.input.RecordInput.isBlank;
import static jp.bansou.input.RecordInput.number;
import static jp.bansou.input.RecordInput.refuseIfAny;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The business meeting sheet (商談シート, plan §8) a buyer reads before meeting the business: company,
 * product, sales, photos and quality. Refuses through the REST API (400) what the form refuses in Tasklist.
 */
@Component
class CheckMeetingSheet implements ExecutionListener {

  static final Pattern PHONE = Pattern.compile("^0[0-9]{1,4}-?[0-9]{1,4}-?[0-9]{3,4}$");
  static final Map<String, String> REQUIRED = new LinkedHashMap<>();

  static {
    REQUIRED.put("representative", "代表者名");
    REQUIRED.put("companyAddress", "所在地");
    REQUIRED.put("companyTel", "TEL");
    REQUIRED.put("companyEmail", "E-mail");
    REQUIRED.put("contactPerson", "担当者");
    REQUIRED.put("productName", "商品名");
    REQUIRED.put("bestBefore", "賞味期限");
    REQUIRED.put("origin", "原産地");
    REQUIRED.put("ingredients", "原材料");
    REQUIRED.put("content", "内容量");
    REQUIRED.put("unitsPerCase", "入数");
    REQUIRED.put("salesTarget", "販売ターゲット");
    REQUIRED.put("useScene", "利用シーン");
    REQUIRED.put("features", "商品の特徴");
    REQUIRED.put("photoReferences", "商品写真");
    REQUIRED.put("hygiene", "衛生管理");
    REQUIRED.put("crisisManagement", "危機管理");
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    List<String> problems = new ArrayList<>();
    REQUIRED.forEach((key, label) -> {
      if (isBlank(execution.getVariable(key))) {
        problems.add("商談シートの「" + label + "」を入力してください");
      }
    });
    Double price = number(execution.getVariable("productPrice"));
    if (price == null || price < 0) {
      problems.add("商談シートの「価格」を 0 以上の数値（円）で入力してください");
    }
    checkFormat(execution.getVariable("companyTel"), PHONE, "TEL は 0 から始まる電話番号で入力してください（例：0164-42-2434）", problems);
    checkFormat(execution.getVariable("companyFax"), PHONE, "FAX は 0 から始まる番号で入力してください（例：0164-42-2435）", problems);
    checkFormat(execution.getVariable("companyEmail"), CheckCustomerList.EMAIL, "E-mail の形式が正しくありません", problems);
    refuseIfAny(problems);
  }

  private static void checkFormat(Object value, Pattern pattern, String problem, List<String> problems) {
    if (!isBlank(value) && !pattern.matcher(value.toString().strip()).matches()) {
      problems.add(problem);
    }
  }
}
