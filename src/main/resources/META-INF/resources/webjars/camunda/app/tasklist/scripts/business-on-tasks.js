// Staff think in businesses (事業者): this script adds, for a Japanese or English browser alike,
// - a search box above the task list that narrows it to one business by name, kana or id
//   (process variable businessSearch, set on every case by jp.bansou.tasklist.DescribeTask), and
// - on an open task, a link 「経営カルテを開く」 to the case file of the task's business, and
// - in a start form opened from the case file, the business id filled in, and
// - on Tasklist's search pill of that search, 「事業者 ホタテ を含む」 instead of the variable's raw name and the
//   LIKE pattern (「プロセス変数 : businessSearch like %ホタテ%」): Tasklist's search pill shows a variable's name and
//   value as they are, with no label table; its operators are translated by the locale file (like → を含む).
const JAPANESE = ((Array.isArray(navigator.languages) && navigator.languages[0]) || navigator.language || '')
  .toLowerCase().startsWith('ja');
const TEXT = JAPANESE
  ? { search: '事業者名・フリガナ・事業者IDで絞り込む', clear: '解除', caseFile: '経営カルテを開く', pill: '事業者' }
  : { search: 'Narrow to a business: name, kana or id', clear: 'Clear', caseFile: 'Open the case file', pill: 'Business' };
const SEARCH_VARIABLE = 'businessSearch';

function hashParams() {
  const [path, query = ''] = (window.location.hash || '#/').slice(1).split('?');
  return { path, params: new URLSearchParams(query) };
}

function currentBusinessSearch() {
  try {
    const query = JSON.parse(hashParams().params.get('searchQuery') || '[]');
    const term = query.find((item) => item.type === 'processVariables' && item.name === SEARCH_VARIABLE);
    return term ? String(term.value).replace(/^%|%$/g, '') : '';
  } catch {
    return '';
  }
}

function searchFor(text) {
  const { path, params } = hashParams();
  let query = [];
  try {
    query = JSON.parse(params.get('searchQuery') || '[]')
      .filter((item) => !(item.type === 'processVariables' && item.name === SEARCH_VARIABLE));
  } catch {
    query = [];
  }
  const term = text.replace(/\s+/g, ' ').trim();
  if (term) {
    query.push({ type: 'processVariables', operator: 'like', value: `%${term}%`, name: SEARCH_VARIABLE });
  }
  params.set('searchQuery', JSON.stringify(query));
  params.delete('task');
  window.location.hash = `#${path || '/'}?${params.toString()}`;
}

// The box goes at the top of the task column's content, above Tasklist's own search: the columns are laid
// over their container, so anything put beside them (where it used to go) lies hidden behind them.
function addSearchBox() {
  const column = document.querySelector('section.tasks-list > .three-cols-layout-cell.content');
  if (!column || document.querySelector('.bansou-business-search')) {
    return;
  }
  const form = document.createElement('form');
  form.className = 'bansou-business-search';
  form.innerHTML = `<input type="search" class="form-control input-sm" aria-label="${TEXT.search}"
    placeholder="${TEXT.search}"><button type="button" class="btn btn-default btn-xs">${TEXT.clear}</button>`;
  const input = form.querySelector('input');
  input.value = currentBusinessSearch();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    searchFor(input.value);
  });
  form.querySelector('button').addEventListener('click', () => {
    input.value = '';
    searchFor('');
  });
  column.insertBefore(form, column.firstChild);
}

// The pill keeps Tasklist's own elements (its × removes the search); the raw ones are hidden by
// user-styles.css and the value's text node loses its % signs. Angular writes that node again when the value
// changes, which this observer sees (characterData) and mends.
function labelBusinessSearchPill() {
  document.querySelectorAll('.search-label').forEach((pill) => {
    const name = pill.querySelector('.name-field');
    if (!name || name.textContent.trim() !== SEARCH_VARIABLE) {
      pill.classList.remove('bansou-business-pill');
      pill.querySelectorAll('.bansou-pill-label').forEach((label) => label.remove());
      return;
    }
    pill.classList.add('bansou-business-pill');
    if (!pill.querySelector('.bansou-pill-label')) {
      const label = document.createElement('span');
      label.className = 'bansou-pill-label';
      label.textContent = TEXT.pill;
      const type = pill.querySelector('.type-field');
      pill.insertBefore(label, type);
    }
    pill.querySelectorAll('.value-field .visible-whitespace').forEach((value) => {
      const text = value.firstChild;
      if (text && text.nodeType === Node.TEXT_NODE && /^%.*%$/s.test(text.nodeValue)) {
        text.nodeValue = text.nodeValue.slice(1, -1);
      }
    });
  });
}

let linkedTask = null;

async function addCaseFileLink() {
  const taskId = hashParams().params.get('task');
  const header = document.querySelector('.task-details h2, .task-details .names');
  if (!taskId || !header) {
    return;
  }
  if (linkedTask === taskId) {
    return;
  }
  linkedTask = taskId;
  document.querySelectorAll('.bansou-case-file-link').forEach((old) => old.remove());
  const response = await fetch(`/camunda/api/engine/engine/default/task/${encodeURIComponent(taskId)}/variables/businessId`,
    { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok || hashParams().params.get('task') !== taskId) {
    linkedTask = null;
    return;
  }
  const variable = await response.json();
  if (!variable || !variable.value) {
    return;
  }
  const link = document.createElement('a');
  link.className = 'bansou-case-file-link btn btn-default btn-sm';
  link.href = `/casefile/?id=${encodeURIComponent(variable.value)}`;
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = `${TEXT.caseFile}（${variable.value}）`;
  document.querySelectorAll('.bansou-case-file-link').forEach((old) => old.remove());
  const current = document.querySelector('.task-details h2, .task-details .names');
  if (current) {
    current.insertAdjacentElement('afterend', link);
  }
}

// The case file's 「新しい支援を始める」 opens Tasklist's start dialog with ?processStart=<key>&businessId=<id>:
// the start form's 事業者ID is filled in, as if typed (form-js listens to input events).
// The form renders its (empty) start values after it first appears, so the id is put in again until it stays.
let filled = { input: null, attempts: 0 };

function fillBusinessIdOfStartForm() {
  const businessId = hashParams().params.get('businessId');
  const input = document.querySelector('.modal-content .fjs-form [id$="-BusinessId"]');
  if (!businessId || !input) {
    return;
  }
  if (filled.input !== input) {
    filled = { input, attempts: 0 };
  }
  if (input.value === businessId || filled.attempts >= 20) {
    return;
  }
  filled.attempts += 1;
  setTimeout(() => {
    if (input.value === businessId) {
      return;
    }
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    setValue.call(input, businessId);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    fillBusinessIdOfStartForm();
  }, 150);
}

new MutationObserver(() => {
  addSearchBox();
  addCaseFileLink();
  fillBusinessIdOfStartForm();
  labelBusinessSearchPill();
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

// Tasklist collects plugins from each custom script's default export; this one adds none.
export default [];
