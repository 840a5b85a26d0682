// 経営カルテ: the everyday record of plan §10 — contacts (巡回・窓口相談) with their form and timeline, the staff
// meetings that discussed the business, the lessons of its closed cases. Sections of their own, appended to the
// case file; reads /api/businesses/{id}/contacts, /staff-meetings and /lessons.
(function () {
  'use strict';

  const id = new URLSearchParams(window.location.search).get('id');
  const article = document.getElementById('casefile');
  if (!id || !article) return;

  const CHANNELS = [['visit', '巡回'], ['counter', '窓口'], ['phone', '電話'], ['online', 'オンライン'], ['email', 'メール']];
  const TOPICS = [['topicGeneral', '経営一般'], ['topicFinance', '金融・マル経'], ['topicTax', '税務・経理'], ['topicLabour', '労働'],
    ['topicSubsidy', '補助金・助成金'], ['topicStartup', '創業'], ['topicSuccession', '事業承継'],
    ['topicSalesChannels', '販路開拓'], ['topicDx', 'DX'], ['topicOther', 'その他']];
  const TRACKS = [['', '始めない'], ['management-analysis', '経営分析'], ['business-plan', '事業計画策定'], ['startup', '創業支援'],
    ['business-succession', '事業承継支援'], ['dx-follow-up', 'DX活用の個別フォローアップ']];
  const NEXT_STATES = { open: '未了', done: '済' };

  const { element, labelled, call, correctionForm } = window.Bansou;

  function day(iso) {
    return iso ? String(iso).slice(0, 10).replaceAll('-', '/') : '—';
  }

  function todayInJapan() {
    return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
  }

  // --- the contact form -------------------------------------------------------------------------------------
  const form = element('form', { id: 'contact-form', class: 'record-form' });
  const date = element('input', { type: 'date', name: 'contactDate', required: 'required' });
  date.value = todayInJapan();
  form.appendChild(labelled('相談・訪問の日付', date));
  const channels = element('fieldset', { class: 'choices' }, [element('legend', { text: '相談の方法' })]);
  CHANNELS.forEach(([value, label]) => channels.appendChild(element('label', {}, [
    element('input', { type: 'radio', name: 'channel', value, required: 'required' }), element('span', { text: label })])));
  form.appendChild(channels);
  const topics = element('fieldset', { class: 'choices' }, [element('legend', { text: '相談の分野（1つ以上）' })]);
  TOPICS.forEach(([name, label]) => topics.appendChild(element('label', {}, [
    element('input', { type: 'checkbox', name }), element('span', { text: label })])));
  form.appendChild(topics);
  form.appendChild(labelled('同行した職員（OJT、ユーザーID）', element('input', { type: 'text', name: 'accompanyingStaff', maxlength: '50' })));
  form.appendChild(labelled('聞き取った内容', element('textarea', { name: 'heard', rows: '4', maxlength: '2000', required: 'required' })));
  form.appendChild(labelled('次のアクション（あればタスクになります）', element('textarea', { name: 'nextAction', rows: '2', maxlength: '1000' })));
  form.appendChild(labelled('次のアクションの期限（空欄なら2週間後）', element('input', { type: 'date', name: 'nextActionDue' })));
  const track = element('select', { name: 'followingTrack' });
  TRACKS.forEach(([value, label]) => track.appendChild(element('option', { value, text: label })));
  form.appendChild(labelled('この相談から始める支援', track));
  form.appendChild(element('button', { type: 'submit', text: '相談を記録する' }));
  const status = element('p', { id: 'contact-status', role: 'status' });
  form.appendChild(status);

  const timeline = element('ol', { id: 'contact-timeline', class: 'timeline' });
  article.appendChild(element('section', { id: 'contacts' }, [
    element('h3', { text: '巡回・窓口相談の記録（新しい順）' }),
    element('details', {}, [element('summary', { text: '相談・訪問を記録する' }), form]),
    timeline
  ]));
  const meetings = element('ul', { id: 'staff-meetings' });
  article.appendChild(element('section', {}, [element('h3', { text: '職員間ミーティングで話し合った記録' }), meetings]));
  const lessons = element('ul', { id: 'lessons' });
  article.appendChild(element('section', {}, [element('h3', { text: '支援の振り返り（成功事例・失敗事例）' }), lessons,
    element('a', { href: '/lessons/', text: 'ほかの事業者の振り返りを業種・分野で探す' })]));

  function empty(list) {
    list.replaceChildren(element('li', { class: 'empty', text: 'ありません' }));
  }

  function line(label, value) {
    return element('div', {}, [element('span', { class: 'label', text: label + '：' }), element('span', { text: value })]);
  }

  function renderContacts(contacts) {
    if (contacts.length === 0) return empty(timeline);
    timeline.replaceChildren(...contacts.map((c) => {
      const item = element('li', { class: 'contact' }, [
        element('div', { class: 'contact-head', text: day(c.contactDate) + '　' + c.channelLabel + '　' + c.contactStaffName
          + (c.accompanyingStaffName ? '（同行 OJT：' + c.accompanyingStaffName + '）' : '') }),
        line('分野', c.topics || '—'),
        line('聞き取った内容', c.heard || '—')
      ]);
      if (c.nextAction) {
        item.appendChild(line('次のアクション', c.nextAction + '（期限 ' + day(c.nextActionDue) + '、'
          + (NEXT_STATES[c.nextActionState] || '') + (c.nextActionDoneDate ? ' ' + day(c.nextActionDoneDate) : '') + '）'));
      }
      if (c.nextActionResult) item.appendChild(line('結果', c.nextActionResult));
      if (c.followingTrackName) item.appendChild(line('始めた支援', c.followingTrackName));
      (c.corrections || []).forEach((text) => item.appendChild(element('div', { class: 'correction', text })));
      // a manager or the contact's own staff member corrects a wrong date or channel (ADR 0100); no button for others
      if (c.correctable) {
        item.appendChild(correctionForm(c.id, [
          { name: 'contactDate', label: '相談・訪問の日付', value: c.contactDate },
          { name: 'channel', label: '相談の方法', value: c.channel, choices: Object.fromEntries(CHANNELS) }
        ], load));
      }
      return item;
    }));
  }

  function renderMeetings(list) {
    if (list.length === 0) return empty(meetings);
    meetings.replaceChildren(...list.map((m) => element('li', {}, [
      element('div', { class: 'contact-head', text: day(m.meetingDate) + '　参加：' + m.attendeeNames }),
      line('共有した内容', m.notes || '—'),
      ...(m.corrections || []).map((text) => element('div', { class: 'correction', text }))
    ])));
  }

  function renderLessons(list) {
    if (list.length === 0) return empty(lessons);
    lessons.replaceChildren(...list.map((l) => element('li', {}, [
      element('div', { class: 'contact-head', text: l.kindLabel + '　' + (l.trackName || '') + '　' + l.topicLabel + '・' + l.category }),
      line('内容', l.text || '—')
    ])));
  }

  async function load() {
    try {
      const base = '/api/businesses/' + encodeURIComponent(id);
      const [contacts, discussed, learnt] = await Promise.all([
        call('GET', base + '/contacts'), call('GET', base + '/staff-meetings'), call('GET', base + '/lessons')]);
      renderContacts(contacts);
      renderMeetings(discussed);
      renderLessons(learnt);
    } catch (error) {
      timeline.replaceChildren(element('li', { class: 'empty', text: error.message }));
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const body = {};
    ['contactDate', 'channel', 'accompanyingStaff', 'heard', 'nextAction', 'nextActionDue', 'followingTrack']
      .forEach((name) => { body[name] = data.get(name) || null; });
    TOPICS.forEach(([name]) => { body[name] = data.get(name) === 'on'; });
    status.textContent = '';
    status.className = '';
    try {
      await call('POST', '/api/businesses/' + encodeURIComponent(id) + '/contacts', body);
      form.reset();
      date.value = todayInJapan();
      status.textContent = '記録しました。';
      await load();
    } catch (error) {
      status.textContent = error.message;
      status.className = 'refused';
    }
  });

  load();
})();
