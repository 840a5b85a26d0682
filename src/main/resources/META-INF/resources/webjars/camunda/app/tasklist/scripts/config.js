// Bansō's Tasklist: Japanese for a Japanese browser, English otherwise (Camunda ships no Japanese).
// The shortcuts repeat Camunda's defaults, which this file replaces as a whole.
export default {
  app: {
    name: 'Tasklist',
    vendor: 'Bansō'
  },
  locales: {
    availableLocales: ['ja', 'en'],
    fallbackLocale: 'en'
  },
  customScripts: ['scripts/due-date-first', 'scripts/form-messages-ja', 'scripts/japanese-dates', 'scripts/business-on-tasks',
    'scripts/filter-counts'],
  // LLL in ja.json reads 2026年4月1日 09:30; the browser's time zone applies, Japan time in the chamber.
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
