// What the case file's §10 sections, the 巡回・窓口 tally and the trainings page share: building elements, calling
// /api with a Japanese refusal, the fiscal year chooser, and the correction form of a record
// (POST /api/records/{id}/corrections, ADR 0100).
window.Bansou = (function () {
  'use strict';

  function element(tag, attributes, children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (name === 'text') node.textContent = value; else node.setAttribute(name, value);
    });
    (children || []).forEach((child) => node.appendChild(child));
    return node;
  }

  function labelled(label, input) {
    return element('label', {}, [element('span', { text: label }), input]);
  }

  async function call(method, url, body) {
    const response = await fetch(url, {
      method, credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const parsed = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(parsed.message || ('エラー（' + response.status + '）'));
    return parsed;
  }

  function currentFiscalYear() {
    const [year, month] = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' }).split('-').map(Number);
    return month >= 4 ? year : year - 1;
  }

  /** Fills the select with this fiscal year and the five before it (R8（2026年度）…) and shows the current one. */
  function fiscalYears(select, show) {
    const current = currentFiscalYear();
    for (let year = current; year >= current - 5; year--) {
      select.appendChild(element('option', { value: String(year), text: 'R' + (year - 2018) + '（' + year + '年度）' }));
    }
    select.addEventListener('change', () => show(select.value));
    show(String(current));
  }

  const LONG_TEXT = ['heard', 'nextAction', 'meetingNotes'];

  /**
   * The correction form of one record, drawn from its correctable fields ({name, label, value, choices}): a date
   * field for dates, a list for choices, the reason required. Sends only what changed; the server checks the rest.
   */
  function correctionForm(recordId, fields, corrected) {
    const form = element('form', { class: 'record-form correction-form' });
    fields.forEach((field) => {
      let input;
      if (field.choices && Object.keys(field.choices).length > 0) {
        input = element('select', { name: field.name });
        if (!field.value) input.appendChild(element('option', { value: '', text: '（なし）' }));
        Object.entries(field.choices).forEach(([value, label]) => input.appendChild(element('option', { value, text: label })));
      } else if (/Date$/.test(field.name)) {
        input = element('input', { type: 'date', name: field.name });
      } else if (LONG_TEXT.includes(field.name)) {
        input = element('textarea', { name: field.name, rows: '3', maxlength: '2000' });
      } else {
        input = element('input', { type: 'text', name: field.name, maxlength: '200' });
      }
      input.value = field.value || '';
      form.appendChild(labelled(field.label, input));
    });
    form.appendChild(labelled('訂正の理由', element('input', { type: 'text', name: 'correctionReason', maxlength: '200', required: 'required' })));
    form.appendChild(element('button', { type: 'submit', text: '訂正を記録する' }));
    const said = element('p', { role: 'status' });
    form.appendChild(said);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const body = { correctionReason: data.get('correctionReason') };
      fields.filter((field) => (data.get(field.name) || '') !== (field.value || ''))
        .forEach((field) => { body[field.name] = data.get(field.name) || null; });
      said.textContent = '';
      said.className = '';
      try {
        await call('POST', '/api/records/' + encodeURIComponent(recordId) + '/corrections', body);
        await corrected();
      } catch (error) {
        said.textContent = error.message;
        said.className = 'refused';
      }
    });
    return element('details', { class: 'correct' }, [element('summary', { text: '記録を訂正する（管理者・記録した本人）' }), form]);
  }

  return { element, labelled, call, fiscalYears, correctionForm };
})();
