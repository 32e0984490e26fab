// The resource's messages; react-admin's own come from ra-language-russian / -english.
import { reference } from "../../lib/labels";

export const ru = {
  resources: {
    organisations: {
      name: "Организация |||| Организации",
      fields: {
        name: "Название",
        code: "Код",
        shortName: "Краткое название",
        kind: "Тип",
        inn: "ИНН",
        ogrn: "ОГРН",
        address: "Адрес",
        phone: "Телефон",
        email: "Электронная почта",
        website: "Сайт",
        ...reference("region", "Регион"),
        municipality: { name: "Муниципальное образование", id: "Муниципальное образование" },
        municipalityId: "Муниципальное образование",
        archivedAt: "В архиве с",
        includeArchived: "Показывать архивные",
      },
    },
  },
  enums: {
    OrganisationKind: {
      LIBRARY: "Библиотека",
      MFC: "МФЦ",
      AUTHORITY: "Орган власти",
      OTHER: "Другая",
    },
  },
  dostup: {
    organisations: {
      tabs: { main: "Основное", centres: "Центры" },
      no_centres: "Организация не принимает ни одного центра",
      archived: "В архиве",
      archive: {
        button: "В архив",
        restore: "Восстановить",
        title: "Убрать организацию в архив?",
        content:
          "Организация исчезнет из списков. Организацию, при которой работают центры, архивировать нельзя: сначала перенесите или архивируйте центры.",
        done: "Организация перенесена в архив",
        restored: "Организация восстановлена",
      },
    },
  },
};

export const en: typeof ru = {
  resources: {
    organisations: {
      name: "Organisation |||| Organisations",
      fields: {
        name: "Name",
        code: "Code",
        shortName: "Short name",
        kind: "Kind",
        inn: "INN (taxpayer number)",
        ogrn: "OGRN (registration number)",
        address: "Address",
        phone: "Phone",
        email: "Email",
        website: "Website",
        ...reference("region", "Region"),
        municipality: { name: "Municipality", id: "Municipality" },
        municipalityId: "Municipality",
        archivedAt: "Archived on",
        includeArchived: "Show archived",
      },
    },
  },
  enums: {
    OrganisationKind: {
      LIBRARY: "Library",
      MFC: "MFC (one-stop centre)",
      AUTHORITY: "Public authority",
      OTHER: "Other",
    },
  },
  dostup: {
    organisations: {
      tabs: { main: "Main", centres: "Centres" },
      no_centres: "The organisation hosts no centres",
      archived: "Archived",
      archive: {
        button: "Archive",
        restore: "Restore",
        title: "Archive the organisation?",
        content:
          "The organisation leaves the lists. One that still hosts centres cannot be archived: move or archive its centres first.",
        done: "The organisation was archived",
        restored: "The organisation was restored",
      },
    },
  },
};
