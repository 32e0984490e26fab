import { reference } from "../../lib/labels";

export const ru = {
  resources: {
    events: {
      name: "Мероприятие |||| Мероприятия",
      fields: {
        title: "Название",
        kind: "Вид",
        audience: "Аудитория",
        startsOn: "Начало",
        endsOn: "Окончание",
        participants: "Участников",
        description: "Описание",
        ...reference("region", "Регион"),
        ...reference("hostOrganisation", "Организатор"),
        ...reference("centre", "Центр"),
        ...reference("project", "Проект"),
        municipalities: "Муниципальные образования",
        municipalityIds: "Муниципальные образования",
        archivedAt: "В архиве с",
        includeArchived: "Показывать архивные",
        from: "Период с",
        to: "Период по",
        q: "Поиск",
        createdAt: "Создано",
        updatedAt: "Изменено",
      },
    },
  },
  enums: {
    EventKind: {
      SEMINAR: "Семинар",
      FORUM: "Форум",
      WEBINAR: "Вебинар",
      CONFERENCE: "Конференция",
      CAMPAIGN: "Акция",
      LECTURE: "Лекция",
      CONSULTATION_DAY: "День консультаций",
      WORKING_MEETING: "Рабочая встреча",
    },
    EventAudience: {
      CITIZENS: "Граждане",
      STAFF: "Специалисты",
    },
  },
  dostup: {
    events: {
      tabs: { details: "Сведения", materials: "Материалы" },
      materials: {
        upload: "Загрузить материал",
        hint: "Программа, презентации, таблицы, фотографии: PDF, DOCX, PPTX, XLSX, JPEG или PNG, до 20 МБ.",
        empty: "Материалов пока нет",
      },
      archived: "В архиве",
      region_first: "Сначала выберите регион: организатор, центр, проект и муниципальные образования — из него",
      archive: {
        button: "В архив",
        restore: "Восстановить",
        done: "Мероприятие перенесено в архив",
        restored: "Мероприятие восстановлено",
        title: "Перенести мероприятие в архив?",
        content: "Оно пропадёт из списков реестра и у партнёров; его можно будет восстановить.",
      },
    },
  },
};

export const en: typeof ru = {
  resources: {
    events: {
      name: "Event |||| Events",
      fields: {
        title: "Title",
        kind: "Kind",
        audience: "Audience",
        startsOn: "Starts on",
        endsOn: "Ends on",
        participants: "Participants",
        description: "Description",
        ...reference("region", "Region"),
        ...reference("hostOrganisation", "Host organisation"),
        ...reference("centre", "Centre"),
        ...reference("project", "Project"),
        municipalities: "Municipalities",
        municipalityIds: "Municipalities",
        archivedAt: "Archived on",
        includeArchived: "Include archived",
        from: "Period from",
        to: "Period to",
        q: "Search",
        createdAt: "Created",
        updatedAt: "Updated",
      },
    },
  },
  enums: {
    EventKind: {
      SEMINAR: "Seminar",
      FORUM: "Forum",
      WEBINAR: "Webinar",
      CONFERENCE: "Conference",
      CAMPAIGN: "Campaign",
      LECTURE: "Lecture",
      CONSULTATION_DAY: "Consultation day",
      WORKING_MEETING: "Working meeting",
    },
    EventAudience: {
      CITIZENS: "Citizens",
      STAFF: "Staff",
    },
  },
  dostup: {
    events: {
      tabs: { details: "Details", materials: "Materials" },
      materials: {
        upload: "Upload a material",
        hint: "Programme, presentations, tables, photos: PDF, DOCX, PPTX, XLSX, JPEG or PNG, up to 20 MB.",
        empty: "No materials yet",
      },
      archived: "Archived",
      region_first: "Choose the region first: the host, centre, project and municipalities are of it",
      archive: {
        button: "Archive",
        restore: "Restore",
        done: "The event is archived",
        restored: "The event is restored",
        title: "Archive the event?",
        content: "It leaves the register's lists and the partners'; it can be restored.",
      },
    },
  },
};
