// Bansō's Cockpit: Japanese for a Japanese browser, English otherwise (Camunda ships no Japanese).
export default {
  app: {
    name: 'Cockpit',
    vendor: 'Bansō'
  },
  locales: {
    availableLocales: ['ja', 'en'],
    fallbackLocale: 'en'
  },
  customScripts: ['scripts/kpi-report', 'scripts/case-history']
};
