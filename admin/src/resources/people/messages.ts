import { reference } from "../../lib/labels";

export const ru = {
  resources: {
    people: {
      name: "Ответственное лицо |||| Ответственные лица",
      fields: {
        fullName: "ФИО",
        lastName: "Фамилия",
        firstName: "Имя",
        middleName: "Отчество",
        position: "Должность",
        email: "Электронная почта",
        phone: "Телефон",
        ...reference("organisation", "Организация"),
        ...reference("region", "Регион"),
        photoConsent: "Согласие на публикацию фото",
        photoConsentAt: "Дата согласия",
        photoFileId: "Фотография",
        archivedAt: "В архиве с",
        includeArchived: "Показывать архивных",
        createdAt: "Создано",
      },
    },
  },
  dostup: {
    people: {
      tabs: { details: "Сведения", assignments: "Назначения" },
      archived: "В архиве",
      archive: {
        button: "В архив",
        restore: "Восстановить",
        done: "Запись перенесена в архив",
        restored: "Запись восстановлена",
      },
      assign: "Назначить куратором",
      photo: "Фотография",
      no_photo: "Фотография не загружена",
      photo_hidden: "Фотография загружена, но не публикуется без согласия",
      upload_photo: "Загрузить фото",
      replace_photo: "Заменить фото",
      consent_needed: "Фото можно загрузить только с согласия человека на публикацию: отметьте согласие в карточке.",
      consent_help: "Без согласия фотография не загружается и не показывается",
    },
  },
};

export const en: typeof ru = {
  resources: {
    people: {
      name: "Person |||| People",
      fields: {
        fullName: "Full name",
        lastName: "Last name",
        firstName: "First name",
        middleName: "Middle name",
        position: "Position",
        email: "Email",
        phone: "Phone",
        ...reference("organisation", "Organisation"),
        ...reference("region", "Region"),
        photoConsent: "Consent to publish the photo",
        photoConsentAt: "Consent given on",
        photoFileId: "Photo",
        archivedAt: "Archived on",
        includeArchived: "Include archived",
        createdAt: "Created",
      },
    },
  },
  dostup: {
    people: {
      tabs: { details: "Details", assignments: "Assignments" },
      archived: "Archived",
      archive: {
        button: "Archive",
        restore: "Restore",
        done: "Archived",
        restored: "Restored",
      },
      assign: "Assign as curator",
      photo: "Photo",
      no_photo: "No photo uploaded",
      photo_hidden: "A photo is uploaded but not published without consent",
      upload_photo: "Upload a photo",
      replace_photo: "Replace the photo",
      consent_needed: "A photo can be uploaded only with the person's consent to publish it: record the consent first.",
      consent_help: "Without consent no photo is uploaded or shown",
    },
  },
};
