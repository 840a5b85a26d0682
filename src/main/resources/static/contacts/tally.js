// 巡回・窓口相談の件数: /api/contacts/tally/{fiscalYear} as a table, with the year's CSV for Excel.
(function () {
  'use strict';

  const $ = (selector) => document.querySelector(selector);

  function row(section, cells, header) {
    const tr = section.insertRow();
    cells.forEach((value) => {
      const cell = document.createElement(header ? 'th' : 'td');
      cell.textContent = value;
      tr.appendChild(cell);
    });
  }

  async function show(westernYear) {
    $('#message').textContent = '';
    $('#csv').href = '/api/contacts/tally/' + westernYear + '.csv';
    const response = await fetch('/api/contacts/tally/' + westernYear, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const tally = await response.json().catch(() => ({}));
    const head = $('#tally thead'), body = $('#tally tbody'), foot = $('#tally tfoot');
    [head, body, foot].forEach((section) => section.replaceChildren());
    if (!response.ok) {
      $('#title').textContent = '';
      $('#message').textContent = tally.message || ('エラー（' + response.status + '）');
      return;
    }
    $('#title').textContent = tally.fiscalYearName;
    const codes = Object.keys(tally.channels);
    row(head, ['職員'].concat(codes.map((code) => tally.channels[code]), ['合計']), true);
    if (tally.rows.length === 0) {
      row(body, ['この年度の記録はありません']);
      body.rows[0].cells[0].colSpan = codes.length + 2;
      body.rows[0].cells[0].className = 'empty';
    }
    tally.rows.forEach((r) => row(body, [r.staffName + '（' + r.staff + '）'].concat(codes.map((code) => r.counts[code] + '件'), [r.total + '件'])));
    row(foot, ['合計'].concat(codes.map((code) => tally.totals[code] + '件'), [tally.total + '件']), true);
  }

  window.Bansou.fiscalYears($('#year'), show);
})();
