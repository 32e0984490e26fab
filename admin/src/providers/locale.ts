// The panel's language as the API should answer in it (Accept-Language): the i18n provider's
// current locale, kept here so that the GraphQL and auth providers need not import it (it
// imports every resource's messages, and the resources import the providers).
export type PanelLocale = "ru" | "en";

let current: PanelLocale = "ru";

export function setPanelLocale(locale: string): void {
  current = locale === "en" ? "en" : "ru";
}

export function panelLocale(): PanelLocale {
  return current;
}

/** The request header that asks the API for messages in the panel's language. */
export function languageHeaders(): { "Accept-Language": PanelLocale } {
  return { "Accept-Language": current };
}
