// Bansō's Welcome: Japanese for a Japanese browser, English otherwise (Camunda ships no Japanese).
export default {
  app: {
    // the page's title and header: staff read Japanese
    name: 'ようこそ',
    vendor: 'Bansō'
  },
  locales: {
    availableLocales: ['ja', 'en'],
    fallbackLocale: 'en'
  },
  customScripts: ['scripts/bansou-links']
};
