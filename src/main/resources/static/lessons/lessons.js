// 支援の振り返りを探す: plan §10⑤ — the lessons of closed cases, searchable by industry, topic and free text
// (GET /api/lessons); each result names the business and the track and links to its case file.
(function () {
  'use strict';

  const form = document.getElementById('lesson-search');
  const industry = document.getElementById('industry');
  const topic = document.getElementById('topic');
  const q = document.getElementById('q');
  const list = document.getElementById('lessons');
  const message = document.getElementById('message');

  function element(tag, attributes, children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (name === 'text') node.textContent = value; else node.setAttribute(name, value);
    });
    (children || []).forEach((child) => node.appendChild(child));
    return node;
  }

  async function get(url) {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const parsed = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(parsed.message || ('エラー（' + response.status + '）'));
    return parsed;
  }

  function day(iso) {
    return iso ? new Date(iso).toLocaleDateString('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }) : '';
  }

  function render(lessons) {
    message.textContent = lessons.length + '件';
    if (lessons.length === 0) {
      list.replaceChildren(element('li', { class: 'empty', text: '条件に合う振り返りはありません' }));
      return;
    }
    list.replaceChildren(...lessons.map((l) => element('li', { class: 'lesson' }, [
      element('div', { class: 'contact-head', text: l.kindLabel + '　' + l.topicLabel + '・' + l.category }),
      element('div', {}, [
        element('a', { href: '/casefile/?id=' + encodeURIComponent(l.businessId), text: (l.businessName || l.businessId) + '（' + l.businessId + '）' }),
        element('span', { text: '　' + (l.industry || '') + '　' + (l.trackName || '') + '　' + day(l.recordedAt) })
      ]),
      element('div', { text: l.text || '' })
    ])));
  }

  async function search() {
    const params = new URLSearchParams();
    if (industry.value) params.set('industry', industry.value);
    if (topic.value) params.set('topic', topic.value);
    if (q.value.trim()) params.set('q', q.value.trim());
    const query = params.toString();
    history.replaceState(null, '', query ? '?' + query : location.pathname);
    try {
      render(await get('/api/lessons' + (query ? '?' + query : '')));
    } catch (error) {
      message.textContent = error.message;
    }
  }

  async function start() {
    try {
      const choices = await get('/api/lessons/choices');
      choices.industries.forEach((name) => industry.appendChild(element('option', { value: name, text: name })));
      choices.topics.forEach((t) => topic.appendChild(element('option', { value: t.value, text: t.label })));
      const asked = new URLSearchParams(location.search);
      industry.value = asked.get('industry') || '';
      topic.value = asked.get('topic') || '';
      q.value = asked.get('q') || '';
      await search();
    } catch (error) {
      message.textContent = error.message;
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    search();
  });
  start();
})();
