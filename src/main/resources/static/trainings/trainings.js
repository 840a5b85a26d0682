// 研修・職員間ミーティングの記録: /api/staff-records/{fiscalYear} — the year's external trainings with their transfer
// trainings and the staff meetings, as corrected. Managers see and correct all, auditors read, staff see their own;
// the correction form shows only where the server says the reader may correct.
(function () {
  'use strict';

  const { element, call, fiscalYears, correctionForm } = window.Bansou;
  const $ = (selector) => document.querySelector(selector);
  let shown = null;

  function render(list, records) {
    if (records.length === 0) {
      list.replaceChildren(element('li', { class: 'empty', text: 'この年度の記録はありません' }));
      return;
    }
    list.replaceChildren(...records.map((r) => element('li', { class: 'record', 'data-id': r.id }, [
      element('div', { class: 'contact-head', text: r.heading }),
      ...r.fields.map((f) => element('div', {}, [element('span', { class: 'label', text: f.label + '：' }), element('span', { text: f.text })])),
      ...r.corrections.map((text) => element('div', { class: 'correction', text })),
      ...(r.correctable ? [correctionForm(r.id, r.fields, () => show(shown))] : [])
    ])));
  }

  async function show(westernYear) {
    shown = westernYear;
    $('#message').textContent = '';
    try {
      const year = await call('GET', '/api/staff-records/' + westernYear);
      $('#title').textContent = year.fiscalYearName;
      render($('#trainings'), year.trainings);
      render($('#meetings'), year.meetings);
    } catch (error) {
      $('#title').textContent = '';
      $('#trainings').replaceChildren();
      $('#meetings').replaceChildren();
      $('#message').textContent = error.message;
    }
  }

  fiscalYears($('#year'), show);
})();
