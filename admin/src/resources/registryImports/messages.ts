import { reference } from "../../lib/labels";

export const ru = {
  resources: {
    registryImports: {
      name: "Импорт реестра |||| Импорт реестра",
      fields: {
        startedAt: "Когда",
        ...reference("region", "Регион"),
        kind: "Что загружали",
        fileName: "Файл",
        status: "Результат",
        rowCount: "Строк",
        created: "Добавлено",
        updated: "Изменено",
        unchanged: "Без изменений",
      },
    },
  },
  enums: {
    RegistryImportKind: {
      ORGANISATIONS: "Организации",
      CENTRES: "Центры",
      SERVICES: "Услуги",
    },
    ImportKind: {
      REPORT_VALUES: "Значения отчёта",
      ORGANISATIONS: "Организации",
      CENTRES: "Центры",
      SERVICES: "Услуги",
    },
  },
  dostup: {
    registryImports: {
      list_help:
        "Загрузки реестра региона из таблиц: организации, центры и услуги. Строку с ошибками можно раскрыть и увидеть, что исправить.",
      import_button: "Импортировать",
      title: "Импорт реестра из таблицы",
      intro:
        "Реестр региона загружается таблицей CSV или XLSX — отдельным файлом для организаций, центров и услуг. Скачайте шаблон, заполните по одной строке на запись и загрузите файл.",
      rules: {
        whole:
          "Строка описывает запись целиком: пустая ячейка означает «значения нет», и при загрузке прежнее значение будет стёрто.",
        code: "Строки находят свои записи по столбцу «Код»: запись региона с таким кодом обновляется, с новым кодом — добавляется. Записи, которых нет в файле, не меняются.",
        all_or_nothing:
          "Если хотя бы в одной строке ошибка, не применяется ни одна строка: исправьте указанные строки и загрузите файл снова. Повторная загрузка того же файла ничего не меняет.",
        order: "Сначала загрузите организации, затем центры: центр указывает свою организацию по её коду.",
      },
      kind_help: {
        ORGANISATIONS:
          "Вид — библиотека, МФЦ, орган власти или другая; муниципальное образование указывается кодом ОКТМО.",
        CENTRES:
          "Организация указывается её кодом, муниципальное образование — кодом ОКТМО, населённый пункт — названием; виды центра — через запятую; часы работы — как «Пн-Пт 09:00-18:00; Сб 10:00-16:00».",
        SERVICES:
          "Уровень — «региональная» или «муниципальная»; в столбцах «Социально значимая» и «Электронная» — «да» или «нет».",
      },
      kind: "Что загружаете",
      template: "Шаблон",
      template_help: "Строка заголовков и пример записи: замените пример своими записями.",
      kind_first: "Выберите, что загружаете, — и скачайте шаблон для этого.",
      template_as: "Скачать шаблон %{format}",
      file: "Файл",
      choose: "Выбрать файл CSV или XLSX",
      chosen: "Выбран файл: %{name}",
      no_file: "Выберите файл",
      wrong_type: "Выберите файл CSV или XLSX",
      too_large: "Файл больше 2 МБ: разделите его на несколько",
      unreadable: "Не удалось прочитать файл",
      importing: "Файл загружается",
      submit: "Загрузить в реестр",
      close: "Закрыть",
      succeeded:
        "Файл загружен (строк: %{rows}): добавлено %{created}, изменено %{updated}, без изменений %{unchanged}.",
      failed:
        "Файл не загружен: ошибок — %{errors}. Не применена ни одна строка. Исправьте строки и загрузите файл снова.",
    },
  },
};

export const en: typeof ru = {
  resources: {
    registryImports: {
      name: "Registry import |||| Registry imports",
      fields: {
        startedAt: "When",
        ...reference("region", "Region"),
        kind: "Imported",
        fileName: "File",
        status: "Result",
        rowCount: "Rows",
        created: "Created",
        updated: "Updated",
        unchanged: "Unchanged",
      },
    },
  },
  enums: {
    RegistryImportKind: {
      ORGANISATIONS: "Organisations",
      CENTRES: "Centres",
      SERVICES: "Services",
    },
    ImportKind: {
      REPORT_VALUES: "Report values",
      ORGANISATIONS: "Organisations",
      CENTRES: "Centres",
      SERVICES: "Services",
    },
  },
  dostup: {
    registryImports: {
      list_help:
        "A region's register imported from spreadsheets: organisations, centres and services. Open a failed row to see what to correct.",
      import_button: "Import",
      title: "Import the register from a spreadsheet",
      intro:
        "A region's register comes as a CSV or XLSX file, one each for organisations, centres and services. Download the template, fill in one row per record and import the file.",
      rules: {
        whole:
          "A row states the whole record: an empty cell means “no value”, and the import clears the value held before.",
        code: "Rows find their records by the “Код” (code) column: the region's record with that code is updated, a new code adds a record. Records not in the file stay as they are.",
        all_or_nothing:
          "If any row is wrong, no row is applied: correct the rows listed and import the file again. Importing the same file again changes nothing.",
        order: "Import the organisations first, then the centres: a centre names its organisation by its code.",
      },
      kind_help: {
        ORGANISATIONS: "The kind is library, MFC, authority or other; the municipality is given by its OKTMO code.",
        CENTRES:
          "The organisation is given by its code, the municipality by its OKTMO code, the settlement by its name; the centre's kinds comma-separated; opening hours as “Пн-Пт 09:00-18:00; Сб 10:00-16:00”.",
        SERVICES:
          "The level is “региональная” (regional) or “муниципальная” (municipal); the socially significant and electronic columns hold “да” (yes) or “нет” (no).",
      },
      kind: "What you import",
      template: "Template",
      template_help: "The header row and an example record: replace the example with your records.",
      kind_first: "Choose what you import to download its template.",
      template_as: "Download template %{format}",
      file: "File",
      choose: "Choose a CSV or XLSX file",
      chosen: "File chosen: %{name}",
      no_file: "Choose a file",
      wrong_type: "Choose a CSV or XLSX file",
      too_large: "The file is over 2 MB: split it into several",
      unreadable: "The file could not be read",
      importing: "Importing the file",
      submit: "Import into the register",
      close: "Close",
      succeeded: "The file is imported (%{rows} rows): %{created} created, %{updated} updated, %{unchanged} unchanged.",
      failed:
        "The file was not imported: %{errors} problems. No row was applied. Correct the rows and import the file again.",
    },
  },
};
