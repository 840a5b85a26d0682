// Every filter shows how many tasks it holds, not only the selected one: Tasklist 7.24 loads its filters with
// itemCount=false and its filter list shows the counter of the selected filter only (cam-tasklist-filters.html,
// ng-show="isFocused(filter)"); neither a filter property nor config.js changes that. A manager must see that
// escalations wait without opening them (issue #16, ADR 0095).
//
// One GET /filter?resourceType=Task&itemCount=true counts every filter the user may read; the engine runs each
// filter's query as the logged-in user, so a task the user may not read is not counted. The selected filter
// keeps Tasklist's own counter (it follows the search box); the others get ours.
//
// The counts follow the list: whenever Tasklist reloads its task list (after a claim, a completion, a start,
// and every 10 s for the filters Bansō marks refresh), seen as its POST …/filter/{id}/list completing, the
// counts are fetched again.
const ENGINE = '/camunda/api/engine/engine/default';
const LIST_RELOADED = /\/filter\/[^/?]+\/list(\?|$)/;

let counts = [];
let pending = null;

async function loadCounts() {
  const response = await fetch(`${ENGINE}/filter?resourceType=Task&itemCount=true`,
    { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) {
    return;
  }
  // Tasklist lists the filters by priority, lowest first, in the server's order where priorities tie
  counts = (await response.json())
    .map((filter, index) => ({ name: filter.name, count: filter.itemCount, priority: (filter.properties || {}).priority || 0, index }))
    .sort((a, b) => a.priority - b.priority || a.index - b.index);
  showCounts();
}

function reloadSoon() {
  clearTimeout(pending);
  pending = setTimeout(() => loadCounts().catch(() => {}), 200);
}

function filterName(link) {
  return [...link.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE)
    .map((node) => node.textContent).join('').trim();
}

function showCounts() {
  if (!counts.length) {
    return;
  }
  // names may repeat (a filter staff made themselves): the n-th filter of a name gets the n-th count
  const byName = new Map();
  counts.forEach(({ name, count }) => byName.set(name, [...(byName.get(name) || []), count]));
  document.querySelectorAll('.task-filters .task-filter h4.name a').forEach((link) => {
    const queue = byName.get(filterName(link));
    const count = queue && queue.length ? String(queue.shift()) : '';
    let badge = link.querySelector('.bansou-filter-count');
    if (!badge) {
      badge = document.createElement('span');
      badge.className = 'counter bansou-filter-count';
      link.appendChild(badge);
    }
    if (badge.textContent !== count) {
      badge.textContent = count;
    }
  });
}

new PerformanceObserver((entries) => {
  if (entries.getEntries().some((entry) => LIST_RELOADED.test(entry.name))) {
    reloadSoon();
  }
}).observe({ type: 'resource' });

// Angular redraws the filter list when filters change (a new one, an edit): put the counts back.
new MutationObserver(showCounts).observe(document.documentElement, { childList: true, subtree: true });

reloadSoon();

// Tasklist collects plugins from each custom script's default export; this one adds none.
export default [];
