// The printable trail of one case (?case=<id>) or of every case of a business (?business=<id>), from the same
// /api/history answers as the Cockpit view, so what is printed is what the auditor saw.
(function () {
  const language = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  const JA = language.toLowerCase().split('-')[0] === 'ja';
  const T = JA ? {
    title: '案件の履歴', print: '印刷する', business: '事業者', track: '支援の種類', year: '年度', state: '状態',
    advisor: '担当経営指導員', started: '開始', ended: '終了', duration: '所要時間', outcome: '結果',
    chain: '案件のつながり', timeline: '活動の記録', activity: '活動', assignee: '担当者', completedBy: '完了した人',
    changes: '項目の変更', time: '日時', item: '項目', oldValue: '変更前', newValue: '変更後', by: '変更した人',
    task: 'タスク', comments: 'コメント', text: '内容', incidents: 'インシデント', message: 'メッセージ',
    resolution: '対応', none: 'なし', running: '（実行中）', printed: '印刷日時', error: '読み込めませんでした: '
  } : {
    title: 'Case history', print: 'Print', business: 'Business', track: 'Track', year: 'Fiscal year', state: 'State',
    advisor: 'Advisor in charge', started: 'Started', ended: 'Ended', duration: 'Duration', outcome: 'Outcome',
    chain: 'Linked cases', timeline: 'Activities', activity: 'Activity', assignee: 'Assignee',
    completedBy: 'Completed by', changes: 'Changes of figures', time: 'Time', item: 'Field', oldValue: 'Old value',
    newValue: 'New value', by: 'Changed by', task: 'Task', comments: 'Comments', text: 'Text', incidents: 'Incidents',
    message: 'Message', resolution: 'Resolution', none: 'None', running: '(running)', printed: 'Printed',
    error: 'Could not load: '
  };
  document.documentElement.lang = JA ? 'ja' : 'en';
  document.getElementById('print').textContent = T.print;
  document.getElementById('print').onclick = () => window.print();

  function el(tag, text, children) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    (children || []).forEach((child) => node.appendChild(child));
    return node;
  }
  function table(headers, rows) {
    if (!rows.length) return el('p', T.none);
    return el('table', null, [el('thead', null, [el('tr', null, headers.map((h) => el('th', h)))]),
      el('tbody', null, rows.map((r) => el('tr', null, r.map((c) => el('td', c || '')))))]);
  }
  function render(trail) {
    const c = trail.summary;
    const facts = [[T.business, (c.businessName || '') + (c.businessKey ? '（' + c.businessKey + '）' : '')],
      [T.track, c.processName], [T.year, c.fiscalYear], [T.state, c.stateName], [T.advisor, c.advisorName],
      [T.started, c.started], [T.ended, c.ended || T.running], [T.duration, c.duration], [T.outcome, c.outcome]];
    const dl = el('dl');
    facts.forEach(([k, v]) => { dl.appendChild(el('dt', k)); dl.appendChild(el('dd', v || '')); });
    return el('section', null, [
      el('h2', c.processName + ' — ' + (c.businessName || c.businessKey || '') + '（' + c.id + '）'), dl,
      el('h3', T.chain), table([T.track, T.state, T.started, T.ended],
        trail.chain.map((l) => ['　'.repeat(l.depth) + l.processName + (l.self ? ' ◀' : ''), l.stateName, l.started, l.ended])),
      el('h3', T.timeline), table([T.started, T.ended, T.duration, T.activity, T.assignee, T.completedBy],
        trail.activities.filter((a) => a.name).map((a) => [a.started, a.open ? T.running : a.ended, a.duration, a.name, a.assigneeName, a.completedByName])),
      el('h3', T.changes), table([T.time, T.item, T.oldValue, T.newValue, T.by, T.task],
        trail.variableChanges.map((v) => [v.time, v.label, v.oldValue, v.newValue, v.byName, v.task])),
      el('h3', T.comments), table([T.time, T.by, T.task, T.text], trail.comments.map((x) => [x.time, x.byName, x.task, x.text])),
      el('h3', T.incidents), table([T.time, T.ended, T.activity, T.message, T.state, T.resolution],
        trail.incidents.map((i) => [i.created, i.ended, i.activity, (i.type || '') + '：' + (i.message || ''), i.state, i.resolution]))
    ]);
  }
  const params = new URLSearchParams(location.search);
  const url = params.get('business') ? '/api/history/businesses/' + encodeURIComponent(params.get('business'))
    : '/api/history/cases/' + encodeURIComponent(params.get('case') || '');
  const main = document.getElementById('trail');
  fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((r) => r.json().then((body) => { if (!r.ok) throw new Error(body.message || r.status); return body; }))
    .then((answer) => {
      const trails = answer.cases || [answer];
      const first = trails[0].summary;
      const now = new Date().toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
      document.title = T.title + ' — ' + (first.businessName || first.businessKey || '');
      main.replaceChildren(el('h1', T.title + '：' + (first.businessName || '') + (first.businessKey ? '（' + first.businessKey + '）' : '')),
        el('p', T.printed + ' ' + now), ...trails.map((trail) => { const s = render(trail); s.className = 'case'; return s; }));
      main.querySelector('p').className = 'printed';
    })
    .catch((error) => main.replaceChildren(el('p', T.error + error.message)));
})();
