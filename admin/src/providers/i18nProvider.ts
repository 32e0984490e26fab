import polyglotI18nProvider from "ra-i18n-polyglot";
import englishMessages from "ra-language-english";
import russianMessages from "ra-language-russian";
import { mergeTranslations, type TranslationMessages } from "react-admin";
import * as dashboard from "../dashboard/messages";
import { en } from "../i18n/en";
import { ru } from "../i18n/ru";
import { resources } from "../resources";
import { setPanelLocale } from "./locale";

// ra-language-russian is a community package that trails react-admin; English
// underneath fills any key it lacks, so the UI never shows a raw key.
const russian: TranslationMessages = mergeTranslations(
  englishMessages,
  russianMessages,
  ru,
  dashboard.ru,
  ...resources.map((resource) => resource.messages.ru),
);
const english: TranslationMessages = mergeTranslations(
  englishMessages,
  en,
  dashboard.en,
  ...resources.map((resource) => resource.messages.en),
);

const polyglot = polyglotI18nProvider((locale) => (locale === "en" ? english : russian), "ru", [
  { locale: "ru", name: "Русский" },
  { locale: "en", name: "English" },
]);

/** The panel's i18n; a change of locale also changes the language the API answers in (locale.ts). */
export const i18nProvider: typeof polyglot = {
  ...polyglot,
  changeLocale: async (locale, options) => {
    await polyglot.changeLocale(locale, options);
    setPanelLocale(locale);
  },
};
