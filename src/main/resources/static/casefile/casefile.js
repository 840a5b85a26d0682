// 経営カルテ: reads /api/businesses and /api/businesses/{id}/case-file with the Tasklist login (or HTTP Basic).
(function () {
  'use strict';

  const LEGAL_FORMS = { CORPORATION: '法人', SOLE_PROPRIETOR: '個人事業主' };
  const BENCHMARK_LABELS = {
    lbSalesGrowthText: '売上増加率',
    lbOperatingMarginText: '営業利益率',
    lbLabourProductivityText: '労働生産性',
    lbEbitdaDebtRatioText: 'EBITDA有利子負債倍率',
    lbWorkingCapitalTurnoverText: '営業運転資本回転期間',
    lbEquityRatioText: '自己資本比率',
    lbBreakEvenSalesText: '損益分岐点売上高'
  };
  const OUTCOMES = { resolved: '課題が解決した', ongoing: '専門家の支援が続いている', notSupported: '支援に至らなかった' };
  const FINANCING = { approved: '融資決定', declined: '見送り', withdrawn: '取り下げ' };
  const HIGHLIGHTS = {
    fairName: ['出展先'],
    dealCount: ['成約', (n) => n + '件'],
    failedLeadCount: ['不成立', (n) => n + '件'],
    foundingDate: ['創業日', (d) => date(d)],
    successionMethod: ['承継の方法', (m) => ({ family: '親族内承継', employee: '従業員・役員への承継',
      thirdParty: '社外の第三者への承継（M&A）' })[m] || m],
    plannedSuccessionDate: ['承継予定日', (d) => date(d)],
    dxToolsDetail: ['導入したツール']
  };

  const $ = (selector) => document.querySelector(selector);

  // Links lead only into the web apps the reader may use (advisors have no Cockpit, auditors no Tasklist): the
  // web apps' own login answers which ones.
  let apps = new Set();
  async function loadAuthorizedApps() {
    try {
      const response = await fetch('/camunda/api/admin/auth/user/default',
        { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      apps = new Set(response.ok ? (await response.json()).authorizedApps || [] : []);
    } catch {
      apps = new Set();
    }
    document.querySelectorAll('.app-tasklist').forEach((element) => { element.hidden = !apps.has('tasklist'); });
    document.querySelectorAll('.app-cockpit').forEach((element) => { element.hidden = !apps.has('cockpit'); });
  }

  function text(value) {
    return value === null || value === undefined || value === '' ? '—' : String(value);
  }

  // Why a due date is not the planned day (a holiday, the year-end closure): 「（祝日のため翌営業日）」
  function moved(reason) {
    return reason ? '（' + reason + '）' : '';
  }

  // Amounts as staff write them: 62,000 (thousand yen), never 62000.
  function amount(value) {
    if (value === null || value === undefined || value === '') return null;
    const number = Number(value);
    return isNaN(number) ? String(value) : number.toLocaleString('ja-JP');
  }

  function date(value) {
    if (!value) return '—';
    const parsed = new Date(value);
    // 2026/12/02, as every date in Bansō reads (ja-JP alone would write 2026/12/2)
    return isNaN(parsed) ? String(value)
      : parsed.toLocaleDateString('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' });
  }

  function cell(row, content, className) {
    const td = document.createElement('td');
    if (content instanceof Node) td.appendChild(content); else td.textContent = text(content);
    if (className) td.className = className;
    row.appendChild(td);
  }

  function fill(tableId, items, render) {
    const body = $('#' + tableId + ' tbody');
    body.replaceChildren();
    if (items.length === 0) {
      const row = body.insertRow();
      const td = document.createElement('td');
      td.colSpan = $('#' + tableId + ' thead tr').cells.length;
      td.className = 'empty';
      td.textContent = 'ありません';
      row.appendChild(td);
      return;
    }
    items.forEach((item) => render(body.insertRow(), item));
  }

  async function get(url) {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.message || ('エラー（' + response.status + '）'));
    return body;
  }

  function showMessage(message) {
    $('#message').textContent = message || '';
  }

  async function search(q) {
    showMessage('');
    const list = $('#results');
    list.replaceChildren();
    try {
      const businesses = await get('/api/businesses?q=' + encodeURIComponent(q));
      if (businesses.length === 0) showMessage('該当する事業者はありません（担当の事業者だけが表示されます）');
      businesses.forEach((business) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = '?id=' + encodeURIComponent(business.id);
        a.textContent = business.id + '　' + business.name + '（' + business.industry + '）';
        li.appendChild(a);
        list.appendChild(li);
      });
    } catch (error) {
      showMessage(error.message);
    }
  }

  function renderBusiness(business) {
    $('#business-name').textContent = business.name + '（' + business.id + '）';
    const entries = [
      ['フリガナ', business.nameKana], ['法人・個人', LEGAL_FORMS[business.legalForm]], ['業種', business.industry],
      ['従業員数', business.employees + '人'], ['代表者', business.representative],
      ['代表者年齢', business.representativeAge ? business.representativeAge + '歳' : null], ['住所', business.address],
      ['電話番号', business.phone], ['メールアドレス', business.email], ['会員', business.chamberMember ? '会員' : '非会員'],
      ['担当経営指導員', business.advisor]
    ];
    const dl = $('#business');
    dl.replaceChildren();
    entries.forEach(([label, value]) => {
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      dd.textContent = text(value);
      dl.append(dt, dd);
    });
  }

  function renderCases(cases) {
    fill('cases', cases, (row, c) => {
      cell(row, c.fiscalYear, 'nowrap');
      const track = document.createElement('div');
      track.textContent = c.processName || c.process;
      if (c.calledByName) {
        const from = document.createElement('div');
        from.className = 'note';
        from.textContent = c.calledByName + 'から';
        track.appendChild(from);
      }
      cell(row, track);
      cell(row, c.stateName, 'nowrap');
      const summary = document.createElement('div');
      if (c.outcome) {
        const outcome = document.createElement('div');
        outcome.className = 'outcome';
        outcome.textContent = c.outcome;
        summary.appendChild(outcome);
      }
      Object.keys(HIGHLIGHTS).filter((name) => c.highlights[name] !== undefined).forEach((name) => {
        const [label, format] = HIGHLIGHTS[name];
        const line = document.createElement('div');
        line.textContent = label + '：' + (format ? format(c.highlights[name]) : c.highlights[name]);
        summary.appendChild(line);
      });
      cell(row, summary.childElementCount ? summary : null);
      cell(row, date(c.started), 'nowrap');
      cell(row, date(c.ended), 'nowrap');
      const tasks = document.createElement('div');
      c.currentTasks.forEach((task) => {
        const line = document.createElement('div');
        line.textContent = task.name + (task.subject ? '（' + task.subject + '）' : '') + (task.assignee ? '（担当 ' + (task.assigneeName || task.assignee) + '）' : '')
          + (task.due ? ' 期限 ' + date(task.due) + moved(task.dueMoved) : '');
        if (task.overdue) line.className = 'overdue';
        tasks.appendChild(line);
      });
      cell(row, c.currentTasks.length ? tasks : null);
      if (apps.has('cockpit')) {
        const link = document.createElement('a');
        link.href = c.cockpitUrl;
        link.textContent = '開く';
        cell(row, link);
      }
    });
  }

  function renderBenchmarks(benchmarks) {
    const head = $('#benchmarks thead');
    head.replaceChildren();
    const headRow = head.insertRow();
    ['年度', '分析開始日'].concat(Object.values(BENCHMARK_LABELS)).forEach((label) => {
      const th = document.createElement('th');
      th.textContent = label;
      headRow.appendChild(th);
    });
    fill('benchmarks', benchmarks, (row, b) => {
      cell(row, b.fiscalYear, 'nowrap');
      cell(row, date(b.analysedOn));
      Object.keys(BENCHMARK_LABELS).forEach((name) => cell(row, b.figures[name]));
    });
  }

  function renderPlans(plans) {
    fill('plans', plans, (row, p) => {
      const d = p.details;
      cell(row, p.fiscalYear, 'nowrap');
      cell(row, p.stateName);
      cell(row, amount(d.previousYearSales), 'number');
      cell(row, amount(d.salesTargetYear1), 'number');
      cell(row, d.planActions);
      cell(row, d.financingResult ? (FINANCING[d.financingResult] || d.financingResult)
        + (d.financingAmount ? '（' + amount(d.financingAmount) + '千円）' : '') : null);
      cell(row, date(d.planCompletedDate), 'nowrap');
    });
  }

  function renderReferrals(referrals) {
    fill('referrals', referrals, (row, r) => {
      cell(row, r.fiscalYear, 'nowrap');
      cell(row, r.referredFrom);
      cell(row, r.body);
      cell(row, r.reason);
      cell(row, date(r.date), 'nowrap');
      cell(row, r.outcome ? (OUTCOMES[r.outcome] || r.outcome) : r.stateName);
      cell(row, date(r.outcomeDate), 'nowrap');
      cell(row, r.outcomeNotes);
    });
  }

  function renderVisits(visits) {
    fill('visits', visits, (row, v) => {
      cell(row, v.track);
      cell(row, (v.visitNumber ? '第' + v.visitNumber + '回 ' : '') + v.task);
      cell(row, date(v.due) + moved(v.dueMoved));
      cell(row, v.overdue ? '期限切れ' : '予定どおり', v.overdue ? 'overdue' : null);
    });
  }

  async function show(id) {
    showMessage('');
    try {
      const file = await get('/api/businesses/' + encodeURIComponent(id) + '/case-file');
      document.title = '経営カルテ ' + file.business.name + ' | Bansō';
      renderBusiness(file.business);
      renderCases(file.cases);
      renderVisits(file.dueVisits);
      renderBenchmarks(file.benchmarks);
      renderPlans(file.plans);
      renderReferrals(file.referrals);
      await showDetails(id);
      $('#casefile').hidden = false;
    } catch (error) {
      $('#casefile').hidden = true;
      showMessage(error.message);
    }
  }

  // What makes the case file the place to start from (/api/businesses/{id}/case-file/details): the
  // advisor by name, the tracks to start for this business, the next planned visits, the analyses' findings.
  const FINDING_GROUPS = [
    [['financialAnalysisNotes', null]],
    [['strengths', '強み'], ['weaknesses', '弱み'], ['opportunities', '機会'], ['threats', '脅威']],
    [['viewOwner', '経営者'], ['viewBusiness', '事業'], ['viewEnvironment', '環境・関係者'],
      ['viewInternalManagement', '内部管理体制']],
    [['feedbackDate', 'フィードバック日'], ['feedbackNotes', null]]
  ];

  function findingsCell(values, group) {
    const box = document.createElement('div');
    group.forEach(([name, label]) => {
      if (values[name] === undefined || values[name] === null || values[name] === '') return;
      const line = document.createElement('div');
      line.className = 'finding';
      line.textContent = (label ? label + '：' : '') + (name === 'feedbackDate' ? date(values[name]) : values[name]);
      box.appendChild(line);
    });
    return box.childElementCount ? box : null;
  }

  async function showDetails(id) {
    const details = await get('/api/businesses/' + encodeURIComponent(id) + '/case-file/details');
    const advisor = [...document.querySelectorAll('#business dt')].find((dt) => dt.textContent === '担当経営指導員');
    if (advisor && details.advisorName) advisor.nextElementSibling.textContent = details.advisorName;
    const startable = $('#startable');
    startable.replaceChildren();
    details.startableTracks.forEach((track) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = track.tasklistUrl;
      a.target = 'tasklist';
      a.className = 'start-track';
      a.textContent = track.name;
      li.appendChild(a);
      startable.appendChild(li);
    });
    $('#start-tracks').hidden = details.startableTracks.length === 0 || !apps.has('tasklist');
    fill('planned-visits', details.plannedVisits, (row, v) => {
      cell(row, v.track);
      cell(row, '第' + v.visitNumber + '回' + (v.visitCount ? '（全' + v.visitCount + '回）' : ''));
      cell(row, date(v.planned), 'nowrap');
    });
    fill('findings', details.findings, (row, f) => {
      cell(row, f.fiscalYear, 'nowrap');
      FINDING_GROUPS.forEach((group) => cell(row, findingsCell(f.values, group)));
    });
  }

  $('#search').addEventListener('submit', (event) => {
    event.preventDefault();
    search($('#q').value);
  });

  const id = new URLSearchParams(window.location.search).get('id');
  loadAuthorizedApps().then(() => (id ? show(id) : search('')));
})();
