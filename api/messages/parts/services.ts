// Messages of the service catalogue and the services a centre helps with (api/modules/services/);
// the catalogue rules shared with life situations name the row kind in `entity`.
import type { MessageTable } from "../types.js";

export const services = {
  // ── Inputs ──
  SERVICE_YES_NO: { en: "Choose yes (true) or no (false).", ru: "Выберите «да» или «нет»." },
  SERVICE_STATUS_CHOICE: {
    en: "Choose DRAFT or PUBLISHED; use archiveService to archive.",
    ru: "Выберите «Черновик» или «Опубликована»; чтобы убрать услугу в архив, используйте «В архив».",
  },
  SERVICE_REGISTRY_ID_FORMAT: {
    en: "The register (ФРГУ) id is digits only, e.g. 1000000000160000001.",
    ru: "Идентификатор в реестре (ФРГУ) — только цифры, например 1000000000160000001.",
  },
  SERVICE_LEVEL_CHOICE: {
    en: "Choose FEDERAL, REGIONAL or MUNICIPAL.",
    ru: "Выберите уровень: федеральная, региональная или муниципальная.",
  },
  SERVICE_DAYS_TOO_MANY: { en: "At most {max} days.", ru: "Не больше {max} дней." },
  SERVICE_FEE_FORMAT: {
    en: "Roubles with up to two decimals, e.g. 3000 or 1500.50.",
    ru: "Сумма в рублях, не больше двух знаков после запятой, например 3000 или 1500,50.",
  },
  SERVICE_DOCUMENTS_LIST: {
    en: "Give a list of documents (it may be empty).",
    ru: "Укажите список документов (он может быть пустым).",
  },
  SERVICE_TOO_MANY_DOCUMENTS: { en: "At most {max} documents.", ru: "Не больше {max} документов." },
  SERVICE_HELP_KIND_REQUIRED: {
    en: "Choose at least one way the centre helps with the service.",
    ru: "Выберите хотя бы один вид помощи центра по этой услуге.",
  },

  // ── Catalogue rules (services and life situations) ──
  CATALOGUE_FEDERAL_ADMIN_ONLY: {
    en: "Only administrators can change a federal {entity}.",
    ru: "Федеральные записи каталога ({entity}) изменяют только администраторы.",
  },
  CATALOGUE_ALREADY_ARCHIVED: {
    en: "The {entity} is already archived.",
    ru: "Запись ({entity}) уже в архиве.",
  },
  CATALOGUE_RESTORE_NOT_ARCHIVED: {
    en: "Only an archived {entity} can be restored.",
    ru: "Восстановить можно только запись из архива ({entity}).",
  },

  // ── Services ──
  SERVICE_FEDERAL_WITH_REGION: {
    en: "A service with a region is REGIONAL or MUNICIPAL; FEDERAL services have no region.",
    ru: "Услуга с регионом — региональная или муниципальная; у федеральных услуг региона нет.",
  },
  SERVICE_REGION_REQUIRED: {
    en: "A REGIONAL or MUNICIPAL service needs a region; leave the region empty only for FEDERAL ones.",
    ru: "Для региональной или муниципальной услуги укажите регион; без региона бывают только федеральные.",
  },
  CENTRE_SERVICE_OTHER_REGION: {
    en: "A centre can help with federal services and with services of its own region only.",
    ru: "Центр помогает только с федеральными услугами и услугами своего региона.",
  },
  CENTRE_SERVICE_ARCHIVED: {
    en: "The service is archived; restore it first.",
    ru: "Услуга в архиве; сначала восстановите её.",
  },
} as const satisfies MessageTable;
