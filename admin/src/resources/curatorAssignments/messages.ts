import { reference } from "../../lib/labels";

export const ru = {
  resources: {
    curatorAssignments: {
      name: "Назначение куратора |||| Кураторы",
      fields: {
        person: { fullName: "Куратор" },
        personId: "Куратор",
        role: "Роль",
        targetType: "Вид ответственности",
        target: "За что отвечает",
        ...reference("region", "Регион"),
        ...reference("municipality", "Муниципальное образование"),
        serviceId: "Услуга",
        centreId: "Центр",
        lifeSituationId: "Жизненная ситуация",
        projectId: "Проект",
        primary: "Основной куратор",
        primaryOnly: "Только основные",
        activeOnly: "Только действующие",
        active: "Состояние",
        validFrom: "С",
        validTo: "По",
        note: "Примечание",
        createdAt: "Создано",
      },
    },
  },
  enums: {
    CuratorRole: {
      SERVICE_CURATOR: "Куратор услуги",
      CENTRE_CURATOR: "Куратор центра",
      LIFE_SITUATION_CURATOR: "Куратор жизненной ситуации",
      PROJECT_CURATOR: "Куратор проекта",
      REGIONAL_COORDINATOR: "Региональный координатор",
    },
    CuratorTarget: {
      SERVICE: "Услуга",
      CENTRE: "Центр",
      LIFE_SITUATION: "Жизненная ситуация",
      PROJECT: "Проект",
      REGION: "Регион",
    },
  },
  dostup: {
    curatorAssignments: {
      tab: "Назначение",
      assign: "Назначить куратора",
      end: "Завершить",
      end_title: "Последний день ответственности",
      ended: "Назначение завершено",
      to_date: "по настоящее время",
      active: "Действует",
      closed: "Завершено",
      primary: "Основной",
      yes: "Да",
      no: "Нет",
      none: "Назначений нет",
      primary_hint:
        "Если в регионе (или в выбранном муниципальном образовании) уже есть основной куратор этой цели, его назначение завершится накануне даты начала нового.",
      municipality_help:
        "Оставьте пустым для куратора всего региона; выберите муниципальное образование для муниципального куратора",
      whole_region: "весь регион",
    },
  },
};

export const en: typeof ru = {
  resources: {
    curatorAssignments: {
      name: "Curator assignment |||| Curators",
      fields: {
        person: { fullName: "Curator" },
        personId: "Curator",
        role: "Role",
        targetType: "Responsible for (kind)",
        target: "Responsible for",
        ...reference("region", "Region"),
        ...reference("municipality", "Municipality"),
        serviceId: "Service",
        centreId: "Centre",
        lifeSituationId: "Life situation",
        projectId: "Project",
        primary: "Primary curator",
        primaryOnly: "Primary only",
        activeOnly: "Current only",
        active: "State",
        validFrom: "From",
        validTo: "To",
        note: "Note",
        createdAt: "Created",
      },
    },
  },
  enums: {
    CuratorRole: {
      SERVICE_CURATOR: "Service curator",
      CENTRE_CURATOR: "Centre curator",
      LIFE_SITUATION_CURATOR: "Life situation curator",
      PROJECT_CURATOR: "Project curator",
      REGIONAL_COORDINATOR: "Regional coordinator",
    },
    CuratorTarget: {
      SERVICE: "Service",
      CENTRE: "Centre",
      LIFE_SITUATION: "Life situation",
      PROJECT: "Project",
      REGION: "Region",
    },
  },
  dostup: {
    curatorAssignments: {
      tab: "Assignment",
      assign: "Assign a curator",
      end: "End",
      end_title: "Last day of responsibility",
      ended: "Assignment ended",
      to_date: "to date",
      active: "Current",
      closed: "Ended",
      primary: "Primary",
      yes: "Yes",
      no: "No",
      none: "No assignments",
      primary_hint:
        "If the region (or the chosen municipality) already has a primary curator for this target, their assignment ends the day before the new one starts.",
      municipality_help: "Leave empty for the whole region's curator; choose a municipality for a municipal curator",
      whole_region: "whole region",
    },
  },
};
