import { reference } from "../../lib/labels";

export const ru = {
  resources: {
    services: {
      name: "Услуга |||| Услуги",
      fields: {
        name: "Название",
        code: "Код",
        shortName: "Краткое название",
        level: "Уровень",
        status: "Статус",
        ...reference("region", "Регион"),
        registryId: "Номер в ФРГУ",
        competentAuthority: { id: "Ведомство", name: "Ведомство" },
        competentAuthorityId: "Ведомство",
        description: "Описание",
        fee: "Госпошлина",
        processingDays: "Срок оказания, раб. дн.",
        portalUrl: "Страница на Госуслугах",
        requiredDocuments: "Необходимые документы",
        electronic: "В электронном виде",
        proactive: "Проактивная",
        socialSignificant: "Социально значимая",
        needsExtraDocuments: "Нужны дополнительные документы",
        lifeSituations: "Жизненные ситуации",
        createdAt: "Создана",
        updatedAt: "Изменена",
        q: "Поиск",
      },
    },
  },
  enums: {
    ServiceLevel: {
      FEDERAL: "Федеральная",
      REGIONAL: "Региональная",
      MUNICIPAL: "Муниципальная",
    },
  },
  dostup: {
    services: {
      no_life_situations: "Услуга не входит ни в одну жизненную ситуацию",
      registry_help: "Идентификатор услуги в федеральном реестре (ФРГУ)",
      fee_help: "В рублях, например 3000 или 1500.50; пусто — бесплатно",
      documents_help: "Введите документ и нажмите Enter",
      region_help: "Региональные и муниципальные услуги относятся к региону",
    },
  },
};

export const en: typeof ru = {
  resources: {
    services: {
      name: "Service |||| Services",
      fields: {
        name: "Name",
        code: "Code",
        shortName: "Short name",
        level: "Level",
        status: "Status",
        ...reference("region", "Region"),
        registryId: "Federal register id",
        competentAuthority: { id: "Authority", name: "Authority" },
        competentAuthorityId: "Authority",
        description: "Description",
        fee: "Fee",
        processingDays: "Processing time, working days",
        portalUrl: "Gosuslugi page",
        requiredDocuments: "Required documents",
        electronic: "Available online",
        proactive: "Proactive",
        socialSignificant: "Socially significant",
        needsExtraDocuments: "Needs extra documents",
        lifeSituations: "Life situations",
        createdAt: "Created",
        updatedAt: "Updated",
        q: "Search",
      },
    },
  },
  enums: {
    ServiceLevel: {
      FEDERAL: "Federal",
      REGIONAL: "Regional",
      MUNICIPAL: "Municipal",
    },
  },
  dostup: {
    services: {
      no_life_situations: "The service is in no life situation",
      registry_help: "The service's id in the federal register (FRGU)",
      fee_help: "Roubles, e.g. 3000 or 1500.50; empty when free",
      documents_help: "Type a document and press Enter",
      region_help: "Regional and municipal services belong to a region",
    },
  },
};
