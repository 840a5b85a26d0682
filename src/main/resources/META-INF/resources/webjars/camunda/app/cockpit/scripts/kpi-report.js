// Managers and auditors read the KPI report (/kpi/, the application's page) next to Cockpit and open its
// cases here (its links target a tab named "cockpit"), so Cockpit offers it in its header and on its
// dashboard, in a tab of its own: the two sit side by side rather than replacing each other.
// Only readers of the report have Cockpit (RoleAuthorizations), so the entry needs no check of its own.
const REPORT = '/kpi/';

// Cockpit's own rule for ja.json (first browser language, English otherwise): the label matches the screen.
function browserIsJapanese() {
  const language = (Array.isArray(navigator.languages) && navigator.languages[0]) || navigator.language || '';
  return language.toLowerCase().split('-')[0] === 'ja';
}

const TEXT = browserIsJapanese()
  ? {
    label: '成果検証シート（KPIレポート）',
    description: '経営発達支援計画の数値目標に対する年度ごとの実績と達成率、実績の根拠となった案件'
  }
  : {
    label: 'Evaluation sheet (KPI report)',
    description: 'Each fiscal year\'s actuals against the targets of the business development support plan, with the cases behind them'
  };

function reportLink(className) {
  const link = document.createElement('a');
  link.href = REPORT;
  link.target = 'kpi';
  link.className = className;
  link.textContent = TEXT.label;
  return link;
}

export default [
  {
    id: 'bansou-kpi-report-navigation',
    pluginPoint: 'cockpit.navigation',
    // a non-negative priority puts the entry in the header itself, not under "その他"
    priority: 10,
    checkActive: () => false,
    render: (node) => node.appendChild(reportLink('bansou-kpi-report'))
  },
  {
    id: 'bansou-kpi-report-dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 10,
    render: (node) => {
      const section = document.createElement('div');
      section.className = 'bansou-kpi-report col-xs-12';
      const description = document.createElement('p');
      description.textContent = TEXT.description;
      section.append(reportLink('bansou-kpi-report btn btn-default'), description);
      node.appendChild(section);
    }
  }
];
