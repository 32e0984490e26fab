import { reference } from "../../lib/labels";

export const ru = {
  resources: {
    systemicErrors: {
      name: "Системная ошибка |||| Системные ошибки",
      fields: {
        title: "Суть ошибки",
        description: "Описание",
        status: "Статус",
        overdue: "Просрочена",
        overdueOnly: "Только просроченные",
        ...reference("region", "Регион"),
        service: { id: "Услуга", name: "Услуга" },
        serviceId: "Услуга",
        authority: { id: "Ответственный орган", name: "Ответственный орган" },
        authorityId: "Ответственный орган",
        detectedAt: "Выявлена",
        dueAt: "Устранить до",
        reportedAt: "Сообщено в орган",
        fixedAt: "Устранена",
        confirmedAt: "Устранение подтверждено",
        resolution: "Что сделано",
        feedbackCount: "Обращений",
        feedback: "Обращения граждан",
        updatedAt: "Изменена",
        q: "Поиск",
      },
    },
  },
  enums: {
    SystemicErrorStatus: {
      OPEN: "Выявлена",
      REPORTED: "Сообщено в орган",
      FIXED: "Устранена",
      CONFIRMED: "Устранение подтверждено",
    },
  },
  dostup: {
    systemicErrors: {
      overdue: "Просрочена",
      to: {
        OPEN: "Вернуть в выявленные",
        REOPEN: "Открыть снова: не устранена",
        REPORTED: "Сообщено в ответственный орган",
        FIXED: "Отметить устранённой",
        CONFIRMED: "Подтвердить устранение",
      },
      transition_hint: "Статус изменится: «%{from}» → «%{to}». Дата шага запишется автоматически.",
      confirm: "Подтвердить",
      moved: "Статус системной ошибки: %{status}",
      no_feedback: "Обращений, связанных с ошибкой, пока нет",
      authority_help: "Пусто — компетентный орган услуги",
      from_feedback: "Обращение будет связано с ошибкой |||| Обращения (%{smart_count}) будут связаны с ошибкой",
    },
  },
};

export const en: typeof ru = {
  resources: {
    systemicErrors: {
      name: "Systemic error |||| Systemic errors",
      fields: {
        title: "Error",
        description: "Description",
        status: "Status",
        overdue: "Overdue",
        overdueOnly: "Overdue only",
        ...reference("region", "Region"),
        service: { id: "Service", name: "Service" },
        serviceId: "Service",
        authority: { id: "Responsible authority", name: "Responsible authority" },
        authorityId: "Responsible authority",
        detectedAt: "Found",
        dueAt: "Fix by",
        reportedAt: "Reported to the authority",
        fixedAt: "Fixed",
        confirmedAt: "Fix confirmed",
        resolution: "What was done",
        feedbackCount: "Feedback",
        feedback: "Citizens' feedback",
        updatedAt: "Updated",
        q: "Search",
      },
    },
  },
  enums: {
    SystemicErrorStatus: {
      OPEN: "Found",
      REPORTED: "Reported to the authority",
      FIXED: "Fixed",
      CONFIRMED: "Fix confirmed",
    },
  },
  dostup: {
    systemicErrors: {
      overdue: "Overdue",
      to: {
        OPEN: "Back to found",
        REOPEN: "Reopen: not fixed",
        REPORTED: "Reported to the authority",
        FIXED: "Mark fixed",
        CONFIRMED: "Confirm the fix",
      },
      transition_hint: "The status changes: «%{from}» → «%{to}». The step's date is recorded.",
      confirm: "Confirm",
      moved: "Systemic error status: %{status}",
      no_feedback: "No feedback is linked to the error yet",
      authority_help: "Empty: the service's competent authority",
      from_feedback:
        "The feedback will be linked to the error |||| %{smart_count} feedback will be linked to the error",
    },
  },
};
