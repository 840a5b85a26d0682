// Bansō's Admin: Japanese for a Japanese browser, English otherwise (Camunda ships no Japanese).
export default {
  app: {
    name: 'Admin',
    vendor: 'Bansō'
  },
  locales: {
    availableLocales: ['ja', 'en'],
    fallbackLocale: 'en'
  }
};
