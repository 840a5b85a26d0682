// Tasklist sorts by creation date unless its address names another order, and it ignores the order stored
// in a filter. Staff work by deadline, so the list opens sorted by due date, earliest first; choosing
// another order in Tasklist puts it into the address, and this script leaves it alone.
const DUE_DATE_FIRST = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);

function sortByDueDateUnlessChosen() {
  const [path, query = ''] = (window.location.hash || '#/').slice(1).split('?');
  if (path !== '/' && path !== '') {
    return;
  }
  const params = new URLSearchParams(query);
  if (params.has('sorting')) {
    return;
  }
  params.set('sorting', DUE_DATE_FIRST);
  window.location.replace('#/?' + params.toString());
}

sortByDueDateUnlessChosen();
window.addEventListener('hashchange', sortByDueDateUnlessChosen);

// Tasklist collects plugins from each custom script's default export; this one adds none.
export default [];
