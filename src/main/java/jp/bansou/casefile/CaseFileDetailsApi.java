package jp.bansou.casefile;

import static java.util.Comparator.comparing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.bansou.analysis.AnalysisNames;
import jp.bansou.business.Business;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.calendar.FiscalYear;
import jp.bansou.followup.FollowUpNames;
import jp.bansou.security.CaseSharing;
import jp.bansou.security.StaffDirectory;
import jp.bansou.security.StaffMember;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/businesses/{id}/case-file/details}: {@link CaseFileDetails}, for whom may read the case file. */
@RestController
class CaseFileDetailsApi {

  private final BusinessRegistry registry;
  private final CaseSharing sharing;
  private final StaffDirectory directory;
  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final HistoryService history;

  CaseFileDetailsApi(BusinessRegistry registry, CaseSharing sharing, StaffDirectory directory,
      RepositoryService repository, RuntimeService runtime, ManagementService management, HistoryService history) {
    this.registry = registry;
    this.sharing = sharing;
    this.directory = directory;
    this.repository = repository;
    this.runtime = runtime;
    this.management = management;
    this.history = history;
  }

  @GetMapping("/api/businesses/{id}/case-file/details")
  CaseFileDetails details(@RequestAttribute(StaffMember.ATTRIBUTE) StaffMember staff, @PathVariable String id) {
    Business business = registry.find(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "事業者ID「" + id + "」は事業者台帳にありません"));
    if (!sharing.mayRead(staff, business.advisor())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "この事業者の経営カルテは担当の経営指導員と管理者だけが見られます");
    }
    return new CaseFileDetails(advisorName(business.advisor()), startableTracks(business.id()),
        plannedVisits(business.id()), findings(business.id()));
  }

  String advisorName(String userId) {
    return userId == null ? null : directory.nameOf(userId);
  }

  /** The tracks Tasklist offers to start (isStartableInTasklist), each opening its start form for the business. */
  List<CaseFileDetails.StartableTrack> startableTracks(String businessId) {
    return repository.createProcessDefinitionQuery().latestVersion().startableInTasklist().active().list().stream()
        .sorted(comparing(ProcessDefinition::getName))
        .map(definition -> new CaseFileDetails.StartableTrack(definition.getKey(), definition.getName(),
            "/camunda/app/tasklist/default/#/?processStart=" + encode(definition.getKey())
                + "&businessId=" + encode(businessId)))
        .toList();
  }

  /** The next waiting visit timer of each running follow-up of the business. */
  List<CaseFileDetails.PlannedVisit> plannedVisits(String businessId) {
    List<CaseFileDetails.PlannedVisit> visits = new ArrayList<>();
    for (ProcessInstance followUp : runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessId)
        .processDefinitionKey(FollowUpNames.PROCESS).list()) {
      management.createJobQuery().processInstanceId(followUp.getId()).activityId(FollowUpNames.VISIT_FALLS_DUE).timers()
          .list()
          .stream()
          .min(comparing(Job::getDuedate, Comparator.nullsLast(Comparator.naturalOrder())))
          .ifPresent(next -> visits.add(new CaseFileDetails.PlannedVisit(followUp.getId(),
              trackOf(followUp.getId()),
              runtime.getVariable(next.getExecutionId(), FollowUpNames.VISIT_NUMBER),
              runtime.getVariable(followUp.getId(), FollowUpNames.VISIT_COUNT),
              next.getDuedate())));
    }
    visits.sort(comparing(CaseFileDetails.PlannedVisit::planned, Comparator.nullsLast(Comparator.naturalOrder())));
    return visits;
  }

  private String trackOf(String followUpId) {
    HistoricProcessInstance followUp = history.createHistoricProcessInstanceQuery().processInstanceId(followUpId)
        .singleResult();
    if (followUp == null || followUp.getSuperProcessInstanceId() == null) {
      return "計画策定後のフォローアップ";
    }
    HistoricProcessInstance caller = history.createHistoricProcessInstanceQuery()
        .processInstanceId(followUp.getSuperProcessInstanceId()).singleResult();
    return caller == null ? "計画策定後のフォローアップ" : caller.getProcessDefinitionName();
  }

  /** 財務分析の所見, SWOT, the four views and the feedback of every analysis of the business, newest first. */
  List<CaseFileDetails.AnalysisFindings> findings(String businessId) {
    List<CaseFileDetails.AnalysisFindings> findings = new ArrayList<>();
    for (HistoricProcessInstance analysis : history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(businessId).processDefinitionKey(AnalysisNames.PROCESS)
        .orderByProcessInstanceStartTime().desc().list()) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
          .processInstanceId(analysis.getId()).variableNameIn(AnalysisNames.FINDINGS.toArray(String[]::new)).list()) {
        values.put(variable.getName(), variable.getValue());
      }
      findings.add(new CaseFileDetails.AnalysisFindings(analysis.getId(),
          FiscalYear.containing(analysis.getStartTime()).label(), values));
    }
    return findings;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, Object>> refused(ResponseStatusException refused) {
    return ResponseEntity.status(refused.getStatusCode()).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", refused.getReason()));
  }
}
