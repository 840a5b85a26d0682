// The KPI report page: the evaluation sheet of a fiscal year, a chart of actual against target, and the
// cases behind each figure with links into Cockpit. Plain DOM and SVG: the chamber's network may have no
// internet access, so nothing is loaded from a CDN.
(function () {
  'use strict';

  const yearSelect = document.getElementById('year');
  const message = document.getElementById('message');
  const casesState = { row: null, page: 0, size: 50, total: 0 };

  function show(text) {
    message.textContent = text;
    message.hidden = !text;
  }

  function figure(value) {
    return value === null || value === undefined ? '' : Number(value).toLocaleString('ja-JP');
  }

  async function getJson(url) {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(body.message || ('エラー ' + response.status));
    }
    return body;
  }

  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
    return td;
  }

  function renderSheet(report) {
    const body = document.querySelector('#sheet tbody');
    body.replaceChildren();
    for (const row of report.rows) {
      const tr = document.createElement('tr');
      if (row.unmeasuredReason) {
        tr.className = 'unmeasured';
        tr.title = row.unmeasuredReason;
      }
      cell(tr, row.section);
      cell(tr, row.label);
      cell(tr, row.unit);
      cell(tr, figure(row.baseline), 'number');
      cell(tr, row.target === null ? '－' : figure(row.target), 'number');
      cell(tr, figure(row.aprilToSeptember), 'number');
      cell(tr, figure(row.octoberToMarch), 'number');
      cell(tr, row.actual === null ? '未計測' : figure(row.actual), 'number');
      cell(tr, row.achievementPercent === null ? '' : row.achievementPercent + '%', 'number');
      renderPace(tr, row);
      cell(tr, row.verdict, 'verdict');
      const link = cell(tr, '');
      if (row.casesUrl) {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = '案件を見る';
        button.addEventListener('click', () => openCases(row, 0));
        link.appendChild(button);
      }
      body.appendChild(tr);
    }
  }

  // During the year (年度途中) the mark compares the actual with what the target means by today.
  function renderPace(tr, row) {
    const pace = row.pace;
    cell(tr, pace && pace.targetByToday !== null ? figure(pace.targetByToday) : '', 'number pace');
    const mark = cell(tr, pace ? pace.mark + ' ' + pace.label : '', 'verdict pace');
    if (pace) {
      mark.title = '今日までの目標 ' + figure(pace.targetByToday) + ' に対して実績 ' + figure(row.actual);
    }
  }

  function renderProgress(report) {
    const running = document.getElementById('running');
    const progress = report.progress;
    document.body.classList.toggle('year-running', !!(progress && progress.running));
    if (progress && progress.running) {
      running.textContent = '年度途中: ' + progress.asOf.replaceAll('-', '/') + ' 時点で年度の '
        + progress.elapsedPercent + '% が経過。ペースは「今日までの目標（目標×経過割合）」と実績の比較です'
        + '（○ 順調、△ やや遅れ、× 遅れ）。○△×の判定は年度が終わってから表示します。';
      running.hidden = false;
    } else {
      running.hidden = true;
    }
  }

  const SVG = 'http://www.w3.org/2000/svg';
  function svg(name, attributes, text) {
    const element = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) {
      element.setAttribute(key, value);
    }
    if (text !== undefined) {
      element.textContent = text;
    }
    return element;
  }

  // Units differ from row to row (回, 者, 円), so each bar shows the actual as a share of its own target,
  // with the target at 100 % and the △ threshold marked.
  function renderChart(report) {
    const rows = report.rows.filter((row) => row.target !== null || row.actual !== null);
    const labelWidth = 330, barWidth = 420, rowHeight = 22, top = 24, maxShare = 150;
    const height = top + rows.length * rowHeight + 10;
    const chart = svg('svg', { width: labelWidth + barWidth + 160, height: height, role: 'img' });
    const x = (share) => labelWidth + (Math.min(share, maxShare) / maxShare) * barWidth;
    const threshold = parseFloat(report.partlyMetFrom);
    for (const [share, label] of [[0, '0%'], [threshold, threshold + '%'], [100, '目標 100%'], [150, '150%']]) {
      chart.appendChild(svg('line', { x1: x(share), x2: x(share), y1: top - 4, y2: height - 8,
        stroke: share === 100 ? '#333' : '#bbb', 'stroke-dasharray': share === 100 ? '' : '3,3' }));
      chart.appendChild(svg('text', { x: x(share), y: 14, 'text-anchor': 'middle' }, label));
    }
    rows.forEach((row, index) => {
      const y = top + index * rowHeight;
      chart.appendChild(svg('text', { x: labelWidth - 6, y: y + 14, 'text-anchor': 'end' }, row.label));
      if (row.actual === null) {
        chart.appendChild(svg('text', { x: x(0) + 4, y: y + 14, fill: '#888' }, '未計測'));
        return;
      }
      const share = row.target ? (Number(row.actual) / Number(row.target)) * 100 : 0;
      const mark = row.pace ? row.pace.mark : row.verdict;
      const color = mark === '○' ? '#2e7d32' : mark === '△' ? '#f9a825' : '#c62828';
      chart.appendChild(svg('rect', { x: x(0), y: y + 3, width: Math.max(x(share) - x(0), 1), height: rowHeight - 8,
        fill: row.target === null ? '#90a4ae' : color }));
      chart.appendChild(svg('text', { x: x(Math.min(share, maxShare)) + 6, y: y + 14 },
        figure(row.actual) + ' / ' + (row.target === null ? '－' : figure(row.target)) + ' ' + row.unit + ' '
        + (row.pace ? 'ペース' + row.pace.mark : row.verdict)));
    });
    const container = document.getElementById('chart');
    container.replaceChildren(chart);
  }

  async function openCases(row, page) {
    try {
      const result = await getJson(row.casesUrl + '?page=' + page + '&size=' + casesState.size);
      Object.assign(casesState, { row: row, page: page, total: result.total });
      document.getElementById('cases-title').textContent =
        '根拠の案件: ' + row.label + '（' + result.total + '件の案件）';
      const body = document.querySelector('#cases tbody');
      body.replaceChildren();
      for (const counted of result.cases) {
        const tr = document.createElement('tr');
        cell(tr, counted.businessName || '');
        cell(tr, counted.businessKey || '');
        const link = document.createElement('a');
        link.href = counted.cockpitUrl;
        link.target = 'cockpit';
        link.textContent = counted.processInstanceId;
        cell(tr, '').appendChild(link);
        cell(tr, counted.countedAt);
        cell(tr, counted.times, 'number');
        body.appendChild(tr);
      }
      const pages = Math.max(1, Math.ceil(result.total / casesState.size));
      document.getElementById('cases-page').textContent = (page + 1) + ' / ' + pages + ' ページ';
      document.getElementById('cases-prev').disabled = page === 0;
      document.getElementById('cases-next').disabled = page + 1 >= pages;
      document.getElementById('cases').hidden = false;
      document.getElementById('cases').scrollIntoView();
    } catch (error) {
      show(error.message);
    }
  }

  async function load(year) {
    show('');
    try {
      const report = await getJson('/api/kpi/' + encodeURIComponent(year));
      document.getElementById('period').textContent = report.chamber + ' ' + report.fiscalYearName + '（'
        + report.from + '〜' + report.to + '）。現状は' + report.baselineYear + '年度の実績。';
      document.getElementById('threshold').textContent = report.partlyMetFrom;
      document.getElementById('summary').hidden = false;
      document.getElementById('csv').href = '/api/kpi/' + encodeURIComponent(year) + '.csv';
      document.getElementById('cases').hidden = true;
      renderProgress(report);
      renderSheet(report);
      renderChart(report);
      history.replaceState(null, '', '#' + year);
    } catch (error) {
      show(error.message);
    }
  }

  document.getElementById('cases-prev').addEventListener('click', () => openCases(casesState.row, casesState.page - 1));
  document.getElementById('cases-next').addEventListener('click', () => openCases(casesState.row, casesState.page + 1));
  yearSelect.addEventListener('change', () => load(yearSelect.value));

  getJson('/api/kpi').then((plan) => {
    for (const year of plan.years) {
      yearSelect.appendChild(new Option(year.name, year.label));
    }
    const wanted = location.hash.slice(1) || plan.current;
    yearSelect.value = plan.years.some((year) => year.label === wanted) ? wanted : plan.years[0].label;
    load(yearSelect.value);
  }).catch((error) => show(error.message));
})();
