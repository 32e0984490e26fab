import { reference } from "../../lib/labels";

export const ru = {
  resources: {
    lifeSituations: {
      name: "Жизненная ситуация |||| Жизненные ситуации",
      fields: {
        name: "Название",
        code: "Код",
        kind: "Вид",
        status: "Статус",
        ...reference("region", "Регион"),
        description: "Описание",
        services: "Услуги",
        service: "Услуга",
        position: "№",
        mandatory: "Обязательная",
        createdAt: "Создана",
        updatedAt: "Изменена",
        q: "Поиск",
      },
    },
  },
  enums: {
    LifeSituationKind: {
      LIFE_EVENT: "Жизненное событие",
      BUSINESS_EVENT: "Бизнес-событие",
    },
  },
  dostup: {
    lifeSituations: {
      no_services: "В жизненную ситуацию пока не входит ни одна услуга",
      services_saved: "Список услуг сохранён",
      actions: "Порядок",
      move_up: "Выше",
      move_down: "Ниже",
      remove: "Убрать из ситуации",
      add_service: "Добавить услугу",
      add: "Добавить",
      mandatory: "Обязательная",
      optional: "Необязательная",
      code_help: "Латинские заглавные буквы, цифры и _, например CHILD_BIRTH",
      region_help: "Пусто — федеральный каталог (только администратор)",
    },
  },
};

export const en: typeof ru = {
  resources: {
    lifeSituations: {
      name: "Life situation |||| Life situations",
      fields: {
        name: "Name",
        code: "Code",
        kind: "Kind",
        status: "Status",
        ...reference("region", "Region"),
        description: "Description",
        services: "Services",
        service: "Service",
        position: "No.",
        mandatory: "Mandatory",
        createdAt: "Created",
        updatedAt: "Updated",
        q: "Search",
      },
    },
  },
  enums: {
    LifeSituationKind: {
      LIFE_EVENT: "Life event",
      BUSINESS_EVENT: "Business event",
    },
  },
  dostup: {
    lifeSituations: {
      no_services: "No services in this life situation yet",
      services_saved: "The list of services was saved",
      actions: "Order",
      move_up: "Move up",
      move_down: "Move down",
      remove: "Remove from the situation",
      add_service: "Add a service",
      add: "Add",
      mandatory: "Mandatory",
      optional: "Optional",
      code_help: "Capital Latin letters, digits and _, e.g. CHILD_BIRTH",
      region_help: "Empty: the federal catalogue (administrators only)",
    },
  },
};
