// The welcome page offers, next to the web apps, Bansō's own pages to the roles that may use them:
// the case file (経営カルテ) to everyone who works with businesses, the KPI report to those who may read it.
// Which apps the user may use comes from the login (authorizedApps), as for the apps themselves.
const JAPANESE = ((Array.isArray(navigator.languages) && navigator.languages[0]) || navigator.language || '')
  .toLowerCase().startsWith('ja');
const PAGES = [
  {
    className: 'bansou-casefile',
    href: '/casefile/',
    label: JAPANESE ? '経営カルテ' : 'Case file',
    description: JAPANESE ? '事業者ごとの支援の経過。新しい支援もここから始められます。' : 'Every case of a business; start a new track here.',
    // advisors and assistants (Tasklist), managers and auditors (Cockpit)
    shownFor: (apps) => apps.has('tasklist') || apps.has('cockpit')
  },
  {
    className: 'bansou-kpi',
    href: '/kpi/',
    label: JAPANESE ? '成果検証シート（KPIレポート）' : 'KPI report',
    description: JAPANESE ? '計画の目標に対する実績。年度途中はペースを表示します。' : 'The plan\'s targets against the actuals.',
    // managers, auditors and administrators: the Cockpit users
    shownFor: (apps) => apps.has('cockpit')
  }
];

async function addPages() {
  if (document.querySelector('.bansou-pages')) {
    return;
  }
  const anchor = document.querySelector('section.webapps');
  if (!anchor) {
    return;
  }
  let apps;
  try {
    const response = await fetch('/camunda/api/admin/auth/user/default',
      { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) {
      return;
    }
    apps = new Set((await response.json()).authorizedApps || []);
  } catch {
    return;
  }
  if (document.querySelector('.bansou-pages')) {
    return;
  }
  const section = document.createElement('section');
  section.className = 'bansou-pages';
  const title = document.createElement('h3');
  title.textContent = JAPANESE ? 'Bansō のページ' : 'Bansō pages';
  section.appendChild(title);
  const list = document.createElement('ul');
  for (const page of PAGES.filter((candidate) => candidate.shownFor(apps))) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.className = page.className;
    link.href = page.href;
    link.textContent = page.label;
    const description = document.createElement('p');
    description.textContent = page.description;
    item.append(link, description);
    list.appendChild(item);
  }
  if (list.childElementCount === 0) {
    return;
  }
  section.appendChild(list);
  const inner = document.createElement('div');
  inner.className = 'inner';
  inner.appendChild(section);
  anchor.insertAdjacentElement('afterend', inner);
}

// The page shows the apps once the login is known; the pages are added then.
new MutationObserver(() => {
  if (document.querySelector('section.webapps')) {
    addPages();
  }
}).observe(document.documentElement, { childList: true, subtree: true });

export default [];
