// 案件の履歴 (case history): Cockpit 7.24 CE shows no finished case, so auditors, managers and admins read every
// case here, finished or running: a search (#/bansou-history) and one case (#/bansou-history/<id>) with its
// diagram and path, timeline, every figure's changes, comments, incidents, outcome and chain of cases, CSV and a
// printable page. Everything comes from Bansō's /api/history (the one sharing rule decides who reads what);
// the diagram is drawn here as plain SVG from the model's diagram interchange, so no viewer library is needed.
const API = '/api/history';
const PRINT = '/history/print.html';

function browserIsJapanese() {
  const language = (Array.isArray(navigator.languages) && navigator.languages[0]) || navigator.language || '';
  return language.toLowerCase().split('-')[0] === 'ja';
}
const JA = browserIsJapanese();
const T = JA ? {
  title: '案件の履歴', search: '案件を探す', text: '事業者ID・事業者名・フリガナ', track: '支援の種類', year: '年度',
  state: '状態', advisor: '担当経営指導員', from: '期間（から）', to: '期間（まで）', any: 'すべて', find: '検索',
  running: '進行中', finished: '完了', cancelled: '中止', businessId: '事業者ID', businessName: '事業者名',
  started: '開始', ended: '終了', duration: '所要時間', prev: '前へ', next: '次へ', none: '該当する案件はありません',
  of: (total, a, b) => total + '件中 ' + a + '〜' + b + '件', back: '検索に戻る', csv: 'CSV（この案件）',
  csvBusiness: 'CSV（この事業者の全案件）', print: '印刷用ページ', printBusiness: '印刷用ページ（この事業者の全案件）',
  runtime: 'Cockpitの実行中の案件として開く', outcome: '結果', chain: '案件のつながり（呼び出し元・呼び出し先）',
  path: '通った経路', pathHelp: '青は通った活動（数字は回数）、橙は現在の位置', timeline: '活動の記録',
  activity: '活動', assignee: '担当者', completedBy: '完了した人', changes: '項目の変更', time: '日時', item: '項目',
  oldValue: '変更前', newValue: '変更後', by: '変更した人', task: 'タスク', comments: 'コメント', text2: '内容',
  incidents: 'インシデント', message: 'メッセージ', resolution: '対応', nothing: 'なし', open: '（実行中）',
  colon: '：', error: '読み込めませんでした: '
} : {
  title: 'Case history', search: 'Find cases', text: 'Business id, name or kana', track: 'Track', year: 'Fiscal year',
  state: 'State', advisor: 'Advisor in charge', from: 'Period from', to: 'Period to', any: 'All', find: 'Search',
  running: 'Running', finished: 'Finished', cancelled: 'Cancelled', businessId: 'Business id',
  businessName: 'Business', started: 'Started', ended: 'Ended', duration: 'Duration', prev: 'Previous',
  next: 'Next', none: 'No case matches', of: (total, a, b) => a + '–' + b + ' of ' + total, back: 'Back to search',
  csv: 'CSV (this case)', csvBusiness: 'CSV (all cases of the business)', print: 'Printable page',
  printBusiness: 'Printable page (all cases of the business)', runtime: 'Open as a running case in Cockpit',
  outcome: 'Outcome', chain: 'Linked cases (calling and called)', path: 'Path taken',
  pathHelp: 'Blue: activities passed (with how often); orange: where the case is now', timeline: 'Activities',
  activity: 'Activity', assignee: 'Assignee', completedBy: 'Completed by', changes: 'Changes of figures',
  time: 'Time', item: 'Field', oldValue: 'Old value', newValue: 'New value', by: 'Changed by', task: 'Task',
  comments: 'Comments', text2: 'Text', incidents: 'Incidents', message: 'Message', resolution: 'Resolution',
  nothing: 'None', open: '(running)', colon: ': ', error: 'Could not load: '
};
const LANG = JA ? 'ja' : 'en';

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([key, value]) => {
    if (value === undefined || value === null) return;
    if (key === 'text') node.textContent = value;
    else if (key in node && key !== 'list') node[key] = value;
    else node.setAttribute(key, value);
  });
  children.flat(Infinity).forEach((child) => child !== null && child !== undefined
    && node.append(typeof child === 'string' ? document.createTextNode(child) : child));
  return node;
}

async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.message || response.status);
  return body;
}

function table(className, headers, rows) {
  if (!rows.length) return el('p', { className: 'bansou-none', text: T.nothing });
  return el('table', { className: 'cam-table bansou-table ' + className },
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { text: h })))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c === null ? '' : c))))));
}

function caseLink(id, text) {
  return el('a', { href: '#/bansou-history/' + encodeURIComponent(id), text: text || id });
}

// ---------------------------------------------------------------- search

const SAVED = 'bansou-history-search';

async function renderSearch(node) {
  node.replaceChildren(el('p', { text: '…' }));
  let choices;
  try {
    choices = await getJson(API + '/choices');
  } catch (error) {
    node.replaceChildren(el('p', { className: 'bansou-error', text: T.error + error.message }));
    return;
  }
  const saved = JSON.parse(sessionStorage.getItem(SAVED) || '{}');
  const option = (value, label) => el('option', { value: value, text: label });
  const select = (name, options) => {
    const s = el('select', { name: name, className: 'form-control' }, option('', T.any), options);
    s.value = saved[name] || '';
    return s;
  };
  const input = (name, type, placeholder) => el('input', { name: name, type: type, className: 'form-control',
    placeholder: placeholder, value: saved[name] || '' });
  const fields = {
    q: input('q', 'search', T.text),
    track: select('track', Object.entries(choices.tracks).map(([k, v]) => option(k, v))),
    fiscalYear: select('fiscalYear', choices.fiscalYears.map((y) => option(y.value, y.label))),
    state: select('state', [option('running', T.running), option('finished', T.finished), option('cancelled', T.cancelled)]),
    advisor: select('advisor', choices.advisors.map((a) => option(a.value, a.label))),
    from: input('from', 'date'),
    to: input('to', 'date')
  };
  const labelled = (label, field) => el('label', { className: 'bansou-field' }, el('span', { text: label }), field);
  const results = el('div', { className: 'bansou-results' });
  const form = el('form', { className: 'bansou-search-form' },
    labelled(T.text, fields.q), labelled(T.track, fields.track), labelled(T.year, fields.fiscalYear),
    labelled(T.state, fields.state), labelled(T.advisor, fields.advisor), labelled(T.from, fields.from),
    labelled(T.to, fields.to), el('button', { type: 'submit', className: 'btn btn-primary', text: T.find }));
  let page = saved.page || 0;
  async function load() {
    const criteria = {};
    Object.entries(fields).forEach(([name, field]) => { if (field.value) criteria[name] = field.value; });
    sessionStorage.setItem(SAVED, JSON.stringify(Object.assign({ page: page }, criteria)));
    const query = new URLSearchParams(Object.assign({ page: page, size: 50 }, criteria));
    try {
      const found = await getJson(API + '/cases?' + query);
      const first = found.total ? found.page * found.size + 1 : 0;
      const last = found.page * found.size + found.cases.length;
      const prev = el('button', { type: 'button', className: 'btn btn-default', text: T.prev, disabled: page === 0 });
      const next = el('button', { type: 'button', className: 'btn btn-default', text: T.next, disabled: last >= found.total });
      prev.onclick = () => { page -= 1; load(); };
      next.onclick = () => { page += 1; load(); };
      results.replaceChildren(
        el('p', { className: 'bansou-count', text: found.total ? T.of(found.total, first, last) : T.none }),
        table('bansou-cases', [T.businessId, T.businessName, T.track, T.year, T.started, T.ended, T.state, T.advisor],
          found.cases.map((c) => [c.businessKey || '', caseLink(c.id, c.businessName || c.businessKey || c.id),
            c.processName, c.fiscalYear, c.started, c.ended, c.stateName, c.advisorName || ''])),
        el('div', { className: 'bansou-pager' }, prev, next));
    } catch (error) {
      results.replaceChildren(el('p', { className: 'bansou-error', text: T.error + error.message }));
    }
  }
  form.onsubmit = (event) => { event.preventDefault(); page = 0; load(); };
  node.replaceChildren(el('section', { className: 'bansou-history' },
    el('h1', { text: T.title + ' — ' + T.search }), form, results));
  load();
}

// ---------------------------------------------------------------- one case

const NS = {
  bpmn: 'http://www.omg.org/spec/BPMN/20100524/MODEL',
  bpmndi: 'http://www.omg.org/spec/BPMN/20100524/DI',
  dc: 'http://www.omg.org/spec/DD/20100524/DC',
  di: 'http://www.omg.org/spec/DD/20100524/DI'
};
const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function wrap(text, perLine) {
  const lines = [];
  for (let i = 0; i < text.length; i += perLine) lines.push(text.slice(i, i + perLine));
  return lines.slice(0, 4);
}

function label(group, text, x, y, width, centreVertically, lineHeight) {
  if (!text) return;
  const perLine = Math.max(4, Math.floor(width / 11));
  const lines = wrap(text, perLine);
  const top = centreVertically ? y - (lines.length - 1) * lineHeight / 2 : y;
  lines.forEach((line, i) => group.appendChild(svg('text', { x: x, y: top + i * lineHeight, 'text-anchor': 'middle',
    'dominant-baseline': 'middle', 'font-size': 11, fill: '#1b1b1b' }, line)));
}

/** The model's diagram as SVG, with the activities the case passed and where it is now. */
function diagram(xml, passed, current) {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const elements = {};
  Array.from(doc.getElementsByTagNameNS(NS.bpmn, '*')).forEach((e) => { if (e.getAttribute('id')) elements[e.getAttribute('id')] = e; });
  const shapes = Array.from(doc.getElementsByTagNameNS(NS.bpmndi, 'BPMNShape'));
  const edges = Array.from(doc.getElementsByTagNameNS(NS.bpmndi, 'BPMNEdge'));
  const bounds = (node) => {
    const b = node.getElementsByTagNameNS(NS.dc, 'Bounds')[0];
    return b && { x: +b.getAttribute('x'), y: +b.getAttribute('y'), w: +b.getAttribute('width'), h: +b.getAttribute('height') };
  };
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const grow = (x, y) => { minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y); };
  const root = svg('svg', { class: 'bansou-diagram', role: 'img' });
  const defs = svg('defs', {});
  ['plain', 'taken'].forEach((kind) => {
    const marker = svg('marker', { id: 'bansou-arrow-' + kind, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 8,
      markerHeight: 8, orient: 'auto-start-reverse' });
    marker.appendChild(svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: kind === 'taken' ? '#1f6fa8' : '#555' }));
    defs.appendChild(marker);
  });
  root.appendChild(defs);
  const layerShapes = svg('g', {});
  const layerEdges = svg('g', {});
  const layerBadges = svg('g', {});
  // large shapes (subprocesses) first, so what they contain is drawn over them
  shapes.map((s) => ({ s: s, b: bounds(s) })).filter((x) => x.b).sort((a, b) => b.b.w * b.b.h - a.b.w * a.b.h)
    .forEach(({ s, b }) => {
      const id = s.getAttribute('bpmnElement');
      const element = elements[id];
      const type = element ? element.localName : '';
      const name = element ? element.getAttribute('name') || '' : '';
      const count = passed[id] || 0;
      const now = current.includes(id);
      const fill = now ? '#fff1dc' : count ? '#dcecf8' : '#ffffff';
      const stroke = now ? '#e67e00' : count ? '#1f6fa8' : '#555555';
      const strokeWidth = now ? 4 : count ? 2.5 : 1.2;
      grow(b.x, b.y); grow(b.x + b.w, b.y + b.h);
      const g = svg('g', { 'data-element-id': id, class: 'bansou-shape' + (count ? ' passed' : '') + (now ? ' current' : '') });
      if (/Event$/.test(type)) {
        const r = b.w / 2;
        g.appendChild(svg('circle', { cx: b.x + r, cy: b.y + r, r: r, fill: fill, stroke: stroke,
          'stroke-width': type === 'endEvent' ? strokeWidth + 2 : strokeWidth }));
        if (/intermediate|boundary/i.test(type)) {
          g.appendChild(svg('circle', { cx: b.x + r, cy: b.y + r, r: r - 3, fill: 'none', stroke: stroke, 'stroke-width': 1 }));
        }
        const lb = s.getElementsByTagNameNS(NS.bpmndi, 'BPMNLabel')[0];
        const lbb = lb && bounds(lb);
        if (lbb) { grow(lbb.x, lbb.y); grow(lbb.x + lbb.w, lbb.y + lbb.h); }
        label(g, name, lbb ? lbb.x + lbb.w / 2 : b.x + r, lbb ? lbb.y + 7 : b.y + b.h + 12, Math.max(lbb ? lbb.w : 90, 90), false, 13);
      } else if (/Gateway$/.test(type)) {
        const cx = b.x + b.w / 2, cy = b.y + b.h / 2;
        g.appendChild(svg('polygon', { points: [cx + ',' + b.y, (b.x + b.w) + ',' + cy, cx + ',' + (b.y + b.h), b.x + ',' + cy].join(' '),
          fill: fill, stroke: stroke, 'stroke-width': strokeWidth }));
        const lb = s.getElementsByTagNameNS(NS.bpmndi, 'BPMNLabel')[0];
        const lbb = lb && bounds(lb);
        if (lbb) { grow(lbb.x, lbb.y); grow(lbb.x + lbb.w, lbb.y + lbb.h); }
        label(g, name, lbb ? lbb.x + lbb.w / 2 : cx, lbb ? lbb.y + 7 : b.y - 10, Math.max(lbb ? lbb.w : 90, 90), false, 13);
      } else if (type === 'participant' || type === 'lane' || type === 'textAnnotation' || type === 'group') {
        g.appendChild(svg('rect', { x: b.x, y: b.y, width: b.w, height: b.h, fill: 'none', stroke: '#999', 'stroke-width': 1 }));
      } else {
        const sub = type === 'subProcess';
        g.appendChild(svg('rect', { x: b.x, y: b.y, width: b.w, height: b.h, rx: 10, ry: 10,
          fill: sub && !now ? (count ? '#f2f8fc' : '#ffffff') : fill, 'fill-opacity': sub ? 0.6 : 1, stroke: stroke,
          'stroke-width': type === 'callActivity' ? strokeWidth + 2 : strokeWidth }));
        if (sub) label(g, name, b.x + b.w / 2, b.y + 14, b.w - 20, false, 13);
        else label(g, name, b.x + b.w / 2, b.y + b.h / 2, b.w - 8, true, 13);
      }
      layerShapes.appendChild(g);
      if (count) {
        const bx = b.x + b.w - 4, by = b.y + b.h - 4;
        layerBadges.appendChild(svg('circle', { cx: bx, cy: by, r: 10, fill: '#1f6fa8', class: 'bansou-count-badge' }));
        layerBadges.appendChild(svg('text', { x: bx, y: by, 'text-anchor': 'middle', 'dominant-baseline': 'central',
          'font-size': 11, 'font-weight': 'bold', fill: '#ffffff', 'data-count-for': id }, String(count)));
      }
    });
  edges.forEach((e) => {
    const points = Array.from(e.getElementsByTagNameNS(NS.di, 'waypoint')).map((w) => [+w.getAttribute('x'), +w.getAttribute('y')]);
    if (points.length < 2) return;
    points.forEach(([x, y]) => grow(x, y));
    const flow = elements[e.getAttribute('bpmnElement')];
    const taken = flow && passed[flow.getAttribute('sourceRef')] && (passed[flow.getAttribute('targetRef')] || current.includes(flow.getAttribute('targetRef')));
    layerEdges.appendChild(svg('polyline', { points: points.map((p) => p.join(',')).join(' '), fill: 'none',
      stroke: taken ? '#1f6fa8' : '#555', 'stroke-width': taken ? 2.5 : 1, 'marker-end': 'url(#bansou-arrow-' + (taken ? 'taken' : 'plain') + ')' }));
    const name = flow && flow.getAttribute('name');
    if (name) {
      const lb = e.getElementsByTagNameNS(NS.bpmndi, 'BPMNLabel')[0];
      const lbb = lb && bounds(lb);
      const [x, y] = lbb ? [lbb.x + lbb.w / 2, lbb.y + 7] : points[Math.floor(points.length / 2)];
      label(layerEdges, name, x, y, Math.max(lbb ? lbb.w : 60, 60), false, 13);
    }
  });
  root.append(layerShapes, layerEdges, layerBadges);
  const margin = 20;
  root.setAttribute('viewBox', [minX - margin, minY - margin, maxX - minX + 2 * margin, maxY - minY + 2 * margin].join(' '));
  root.setAttribute('width', Math.round(maxX - minX + 2 * margin));
  return root;
}

async function renderCase(node, id) {
  node.replaceChildren(el('p', { text: '…' }));
  let trail, xml;
  try {
    [trail, xml] = await Promise.all([
      getJson(API + '/cases/' + encodeURIComponent(id)),
      fetch(API + '/cases/' + encodeURIComponent(id) + '/diagram', { credentials: 'same-origin' }).then((r) => r.ok ? r.text() : '')
    ]);
  } catch (error) {
    node.replaceChildren(el('section', { className: 'bansou-history' },
      el('p', { className: 'bansou-error', text: T.error + error.message }), el('a', { href: '#/bansou-history', text: T.back })));
    return;
  }
  const c = trail.summary;
  const running = !c.ended;
  const facts = [
    [T.businessId, c.businessKey || ''], [T.businessName, (c.businessName || '') + (c.businessKana ? '（' + c.businessKana + '）' : '')],
    [T.track, c.processName], [T.year, c.fiscalYear], [T.state, c.stateName], [T.advisor, c.advisorName || ''],
    [T.started, c.started], [T.ended, c.ended || T.open], [T.duration, c.duration], [T.outcome, c.outcome || '']
  ];
  const links = el('div', { className: 'bansou-actions' },
    el('a', { className: 'btn btn-default', href: '#/bansou-history', text: T.back }),
    el('a', { className: 'btn btn-default bansou-csv', href: API + '/cases/' + encodeURIComponent(id) + '/trail.csv?lang=' + LANG, text: T.csv }),
    c.businessKey ? el('a', { className: 'btn btn-default bansou-csv-business', href: API + '/businesses/' + encodeURIComponent(c.businessKey) + '/trail.csv?lang=' + LANG, text: T.csvBusiness }) : null,
    el('a', { className: 'btn btn-default', target: '_blank', href: PRINT + '?case=' + encodeURIComponent(id), text: T.print }),
    c.businessKey ? el('a', { className: 'btn btn-default', target: '_blank', href: PRINT + '?business=' + encodeURIComponent(c.businessKey), text: T.printBusiness }) : null,
    running ? el('a', { className: 'btn btn-default', href: '#/process-instance/' + encodeURIComponent(id) + '/runtime', text: T.runtime }) : null);
  const chain = el('ul', { className: 'bansou-chain' }, trail.chain.map((linked) => el('li', { style: 'margin-left:' + linked.depth * 1.5 + 'em' },
    linked.self ? el('strong', { text: linked.processName + '（' + linked.stateName + '）' })
      : caseLink(linked.id, linked.processName + '（' + linked.stateName + '）'),
    ' ' + linked.started + (linked.ended ? ' – ' + linked.ended : ''))));
  const picture = el('div', { className: 'bansou-diagram-box' });
  if (xml) {
    try { picture.appendChild(diagram(xml, trail.passed, trail.current)); } catch (e) { picture.textContent = T.error + e.message; }
  }
  node.replaceChildren(el('section', { className: 'bansou-history' },
    el('h1', { text: T.title + T.colon + c.processName + ' — ' + (c.businessName || c.businessKey || '') + (c.businessKey ? '（' + c.businessKey + '）' : '') }),
    links,
    el('dl', { className: 'bansou-facts' }, facts.map(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })])),
    el('h2', { text: T.path }), el('p', { className: 'bansou-help', text: T.pathHelp }), picture,
    el('h2', { text: T.chain }), chain,
    el('h2', { text: T.timeline }),
    table('bansou-timeline', [T.started, T.ended, T.duration, T.activity, T.assignee, T.completedBy],
      trail.activities.filter((a) => a.name).map((a) => [a.started, a.open ? T.open : a.ended, a.duration,
        a.calledCaseId ? caseLink(a.calledCaseId, a.name) : a.name, a.assigneeName || '', a.completedByName || ''])),
    el('h2', { text: T.changes }),
    table('bansou-changes', [T.time, T.item, T.oldValue, T.newValue, T.by, T.task],
      trail.variableChanges.map((v) => [v.time, v.label, v.oldValue, v.newValue, v.byName || '', v.task || ''])),
    el('h2', { text: T.comments }),
    table('bansou-comments', [T.time, T.by, T.task, T.text2], trail.comments.map((x) => [x.time, x.byName || '', x.task || '', x.text])),
    el('h2', { text: T.incidents }),
    table('bansou-incidents', [T.time, T.ended, T.activity, T.message, T.state, T.resolution],
      trail.incidents.map((i) => [i.created, i.ended, i.activity, (i.type ? i.type + '：' : '') + (i.message || ''), i.state, i.resolution]))));
}

// ---------------------------------------------------------------- read-only Cockpit

// Auditors and managers change no case (RoleAuthorizations): Cockpit would still offer them buttons that end
// in the engine's refusal. The server asks the engine's authorizations; a class on <body> hides those buttons.
async function markReadOnly() {
  try {
    const choices = await getJson(API + '/choices');
    document.body.classList.toggle('bansou-read-only', !!choices.readOnly);
    document.body.classList.toggle('bansou-no-task-assign', !choices.mayAssignTasks);
  } catch (ignored) {
    // not logged in yet: the next navigation asks again
  }
}

function caseIdFromHash() {
  const match = (window.location.hash || '').match(/#\/bansou-history\/([^/?]+)/);
  return match ? decodeURIComponent(match[1]) : null;
}

export default [
  {
    id: 'bansou-case-history-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 9,
    checkActive: (path) => path.indexOf('/bansou-history') === 0,
    render: (node) => {
      markReadOnly();
      node.appendChild(el('a', { href: '#/bansou-history', className: 'bansou-case-history', text: T.title }));
    }
  },
  {
    id: 'bansou-case-history-search',
    pluginPoint: 'cockpit.route',
    properties: { path: '/bansou-history', label: '/bansou-history' },
    render: (node) => renderSearch(node)
  },
  {
    id: 'bansou-case-history-case',
    pluginPoint: 'cockpit.route',
    properties: { path: '/bansou-history/:id', label: '/bansou-history' },
    render: (node) => renderCase(node, caseIdFromHash())
  },
  {
    id: 'bansou-case-history-from-instance',
    pluginPoint: 'cockpit.processInstance.runtime.action',
    priority: 20,
    render: (node, { processInstanceId }) => node.appendChild(el('a', { className: 'btn btn-default btn-toolbar bansou-keep',
      href: '#/bansou-history/' + encodeURIComponent(processInstanceId), title: T.title, text: T.title }))
  }
];
