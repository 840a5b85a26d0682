package jp.bansou.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules of Bansō, checked against the compiled main classes. Bansō is packaged by feature: a package
 * per support track, a package per shared concern, and two packages that read across tracks. Tracks hand work to
 * each other only through call activities in their models, never through Java.
 *
 * <p>Every top-level package under {@code jp.bansou} must be named in exactly one of the lists below: a new
 * package fails {@link #everyPackageIsATrackASharedConcernOrACrossTrackReader()} until someone decides what it
 * is. That is the point: the decision is made once, here, where the next reader sees it.
 */
class PackageRulesTest {

  /** Support tracks of the plan (§3–§10): each owns its models' delegates, listeners, properties and records. */
  static final Set<String> TRACKS = Set.of(
      "analysis", // §5 経営分析
      "plan", // §6 事業計画策定 (its Java, when it has any)
      "followup", // §7 計画策定後のフォローアップ (called by plan, startup, succession, dx)
      "startup", // §6②, §7② 創業支援
      "succession", // §6③, §7③ 事業承継支援 (its Java, when it has any)
      "fair", // §8 物産展・商談会・需要動向調査
      "dx", // §8 DX活用の個別フォローアップ
      "seminar", // §5, §6, §8 セミナー
      "survey", // §3, §4 地域経済動向調査
      "evaluation", // §9 年次評価
      "referral", // §5–§8 専門機関への紹介 (called by every track)
      "consultation", // §10⑤ 巡回・窓口相談の記録
      "staff"); // §10 ①–④, ⑥ 職員の研修・伝達研修・職員間ミーティング

  /** Shared concerns: any track may use them; they use no track. */
  static final Set<String> SHARED = Set.of(
      "business", // the business registry (事業者台帳) and its import
      "calendar", // the plan's calendar, fiscal years, the one clock
      "security", // staff, roles, sharing, API authentication
      "mail", // reminder mails
      "input", // the one number and date reader of forms and records
      "benchmark", // METI's Local Benchmark formulas: the analysis computes them, the follow-up its sales growth
      "tasklist", // Tasklist filters per role
      "system", // entry points of the web apps
      "kpi", // the KPI report: reads history by process and activity ids from configuration, not by Java imports
      "web", // Japanese error pages and refusals
      "history", // the auditors' history view of every case
      "lessons", // 支援の成功事例・失敗事例: a closing step added to the tracks named in configuration
      "correction"); // corrections of §10 records by managers, laid over the records by their readers

  /** The only packages that may read the Java of several tracks: they show or drive every track. */
  static final Set<String> CROSS_TRACK_READERS = Set.of(
      "casefile", // 経営カルテ: every case of a business across tracks
      "demo"); // the demo year: drives every track's model

  /**
   * Imports from one track into another that break the rule: none today (the last one, the follow-up's sales
   * growth, now reads Local Benchmark from the shared {@code benchmark} package, ADR 0091). Should one ever be
   * unavoidable, name it here with its reason; remove the line when the import goes.
   */
  static final Map<String, String> KNOWN_TRACK_TO_TRACK = Map.of();

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
      .importPackages("jp.bansou");

  @Test
  void everyPackageIsATrackASharedConcernOrACrossTrackReader() {
    Set<String> unclassified = new TreeSet<>();
    for (JavaClass javaClass : MAIN) {
      String top = topPackage(javaClass);
      if (top != null && Stream.of(TRACKS, SHARED, CROSS_TRACK_READERS).noneMatch(set -> set.contains(top))) {
        unclassified.add(top);
      }
    }
    assertThat(unclassified)
        .as("packages under jp.bansou that PackageRulesTest does not classify as track, shared or cross-track reader")
        .isEmpty();
    assertThat(TRACKS).doesNotContainAnyElementsOf(SHARED).doesNotContainAnyElementsOf(CROSS_TRACK_READERS);
    assertThat(SHARED).doesNotContainAnyElementsOf(CROSS_TRACK_READERS);
  }

  @Test
  void aTrackUsesNoOtherTrackOnlySharedConcerns() {
    for (String track : TRACKS) {
      noClasses().that().resideInAPackage("jp.bansou." + track + "..")
          .should().dependOnClassesThat(inAnotherTrackThan(track).and(notAKnownException()))
          .because("tracks hand work to each other through call activities in their models, not through Java")
          .allowEmptyShould(true)
          .check(MAIN);
    }
  }

  @Test
  void aSharedConcernUsesNoTrackAndNoCrossTrackReader() {
    noClasses().that(inOneOf(SHARED))
        .should().dependOnClassesThat(inOneOf(TRACKS).or(inOneOf(CROSS_TRACK_READERS)))
        .because("a track may use a shared concern only if the shared concern knows no track")
        .check(MAIN);
  }

  @Test
  void onlyACrossTrackReaderItselfUsesItsClasses() {
    for (String reader : CROSS_TRACK_READERS) {
      noClasses().that().resideOutsideOfPackage("jp.bansou." + reader + "..")
          .and().doNotHaveFullyQualifiedName("jp.bansou.BansouApplication")
          .should().dependOnClassesThat().resideInAPackage("jp.bansou." + reader + "..")
          .because("the case file and the demo year read every track; a track that read them would read every track")
          .allowEmptyShould(true)
          .check(MAIN);
    }
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("jp.bansou.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void theKnownExceptionsStillExist() {
    Set<String> existing = new TreeSet<>();
    for (JavaClass javaClass : MAIN) {
      javaClass.getDirectDependenciesFromSelf().forEach(dependency -> existing.add(
          dependency.getOriginClass().getName() + " -> " + dependency.getTargetClass().getName()));
    }
    assertThat(existing).as("a removed track-to-track import must leave KNOWN_TRACK_TO_TRACK too")
        .containsAll(KNOWN_TRACK_TO_TRACK.keySet());
  }

  private static String topPackage(JavaClass javaClass) {
    String name = javaClass.getPackageName();
    if (!name.startsWith("jp.bansou.")) {
      return null;
    }
    String rest = name.substring("jp.bansou.".length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  private static DescribedPredicate<JavaClass> inOneOf(Set<String> packages) {
    return DescribedPredicate.describe("in one of " + new TreeSet<>(packages),
        javaClass -> {
          String top = topPackage(javaClass);
          return top != null && packages.contains(top);
        });
  }

  private static DescribedPredicate<JavaClass> inAnotherTrackThan(String track) {
    return DescribedPredicate.describe("in a track other than " + track, javaClass -> {
      String top = topPackage(javaClass);
      return top != null && !top.equals(track) && TRACKS.contains(top);
    });
  }

  private static DescribedPredicate<JavaClass> notAKnownException() {
    return DescribedPredicate.describe("not a known exception (KNOWN_TRACK_TO_TRACK)",
        target -> KNOWN_TRACK_TO_TRACK.keySet().stream().noneMatch(pair -> pair.endsWith(" -> " + target.getName())));
  }
}
