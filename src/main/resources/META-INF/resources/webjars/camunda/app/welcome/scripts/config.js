// Bansō's Welcome: Japanese for a Japanese browser, English otherwise (Camunda ships no Japanese).
export default {
  app: {
    name: 'Welcome',
    vendor: 'Bansō'
  },
  locales: {
    availableLocales: ['ja', 'en'],
    fallbackLocale: 'en'
  }
};
