export const ru = {
  resources: {
    qualityStandards: {
      name: "Стандарт качества |||| Стандарты качества",
      fields: {
        service: { id: "Услуга", name: "Услуга" },
        serviceId: "Услуга",
        revision: "Редакция",
        title: "Название",
        status: "Статус",
        validFrom: "Действует с",
        approvedAt: "Дата утверждения",
        approvedByName: "Кто утвердил",
        supersededAt: "Заменён",
        copyFrom: "Взять показатели из редакции",
        createdAt: "Создан",
        updatedAt: "Изменён",
        targets: {
          name_plural: "Целевые показатели",
          indicatorCode: "Код показателя",
          name: "Показатель",
          direction: "Условие",
          threshold: "Порог",
          unit: "Единица",
        },
        q: "Поиск",
      },
    },
  },
  enums: {
    StandardStatus: {
      DRAFT: "Черновик",
      APPROVED: "Утверждён",
      SUPERSEDED: "Заменён новой редакцией",
    },
  },
  dostup: {
    qualityStandards: {
      versions: "Редакции",
      no_targets: "Целевые показатели не заданы",
      approve: "Утвердить",
      approved: "Редакция утверждена",
      approve_title: "Утвердить редакцию %{revision}?",
      approve_content:
        "Действующая редакция стандарта этой услуги будет заменена. Утверждённую редакцию изменить нельзя: изменения вносятся новой редакцией.",
      own_draft:
        "Вы создавали или изменяли этот черновик, поэтому не можете его утвердить: утвердить его должен другой куратор региона или администратор.",
      own_federal_draft:
        "Вы создавали или изменяли этот черновик, поэтому не можете его утвердить: утвердить его должен другой администратор.",
      new_revision: "Новая редакция",
      read_only: "Утверждённые и заменённые редакции не изменяются. Чтобы изменить стандарт, создайте новую редакцию.",
      code_help: "Например, WAIT_MINUTES",
      unit_help: "Например, мин, %, раб. дн.",
      valid_from_help: "Пусто — с даты утверждения",
      copy_help: "Если показатели ниже не заданы, они копируются из выбранной редакции",
    },
  },
};

export const en: typeof ru = {
  resources: {
    qualityStandards: {
      name: "Quality standard |||| Quality standards",
      fields: {
        service: { id: "Service", name: "Service" },
        serviceId: "Service",
        revision: "Revision",
        title: "Title",
        status: "Status",
        validFrom: "Valid from",
        approvedAt: "Approval date",
        approvedByName: "Approved by",
        supersededAt: "Superseded",
        copyFrom: "Copy targets from revision",
        createdAt: "Created",
        updatedAt: "Updated",
        targets: {
          name_plural: "Targets",
          indicatorCode: "Indicator code",
          name: "Indicator",
          direction: "Condition",
          threshold: "Threshold",
          unit: "Unit",
        },
        q: "Search",
      },
    },
  },
  enums: {
    StandardStatus: {
      DRAFT: "Draft",
      APPROVED: "Approved",
      SUPERSEDED: "Superseded",
    },
  },
  dostup: {
    qualityStandards: {
      versions: "Revisions",
      no_targets: "No targets set",
      approve: "Approve",
      approved: "The revision was approved",
      approve_title: "Approve revision %{revision}?",
      approve_content:
        "The service's approved revision will be superseded. An approved revision cannot be changed: changes go into a new revision.",
      own_draft:
        "You created or edited this draft, so you cannot approve it: another curator of the region or an administrator must approve it.",
      own_federal_draft:
        "You created or edited this draft, so you cannot approve it: another administrator must approve it.",
      new_revision: "New revision",
      read_only: "Approved and superseded revisions are read-only. To change the standard, create a new revision.",
      code_help: "E.g. WAIT_MINUTES",
      unit_help: "E.g. min, %, working days",
      valid_from_help: "Empty: from the approval date",
      copy_help: "Without targets below, those of the chosen revision are copied",
    },
  },
};
