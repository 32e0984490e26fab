import { DateField, type DateFieldProps, NumberField, type NumberFieldProps, useLocaleState } from "react-admin";

/** The Intl locale of the panel's language: dates and numbers follow the UI, not the browser. */
export function useIntlLocale(): string {
  const [locale] = useLocaleState();
  return locale === "en" ? "en-GB" : "ru-RU";
}

/** DateField in the panel's language (e.g. 21.11.2026, or 21 нояб. 2026 г., 14:05 with showTime). */
export const LocaleDateField = (props: DateFieldProps) => <DateField locales={useIntlLocale()} {...props} />;

/** NumberField in the panel's language (e.g. 12 345,6). */
export const LocaleNumberField = (props: NumberFieldProps) => <NumberField locales={useIntlLocale()} {...props} />;
