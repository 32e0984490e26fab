// Messages of report forms, reports, their values and their workflow (api/modules/reports/).
// Report statuses and workflow steps are parameters ending in "Entity" (parts/entities.ts
// translates them): `statusEntity` "SUBMITTED", `stepEntity` "approved", `nextEntity` "approved (APPROVED)".
import type { MessageTable } from "../types.js";

export const reports = {
  // ── Report forms ──
  REPORT_FORM_CODE_FORMAT: {
    en: "Use capital Latin letters, digits and _, e.g. COD_MONTHLY.",
    ru: "Только заглавные латинские буквы, цифры и _, например COD_MONTHLY.",
  },
  REPORT_FORM_NO_INDICATORS: {
    en: "A form needs at least one indicator.",
    ru: "Добавьте в форму хотя бы один показатель.",
  },
  REPORT_FORM_TOO_MANY_INDICATORS: { en: "At most {max} indicators.", ru: "Не больше {max} показателей." },
  REPORT_FORM_INDICATOR_CODE_TWICE: {
    en: "The code {code} is used twice.",
    ru: "Код {code} указан дважды.",
  },
  REPORT_INDICATOR_EVENT_MEASURE_MISSING: {
    en: "Say what is counted of these events (eventMeasure: COUNT or PARTICIPANTS).",
    ru: "Укажите, что считать по этим мероприятиям: их число или число участников.",
  },
  REPORT_INDICATOR_EVENTS_NO_RURAL: {
    en: "An indicator computed from events has no rural part.",
    ru: "У показателя, который считается по мероприятиям, нет сельской части.",
  },
  REPORT_FORM_DUE_DAYS_WHOLE: { en: "A whole number of days.", ru: "Укажите целое число дней." },
  REPORT_FORM_DUE_DAYS_TOO_MANY: { en: "At most {max} days.", ru: "Не больше {max} дней." },
  REPORT_FORM_STATUS_CHOICE: {
    en: "Choose DRAFT or ACTIVE; use retireReportForm to retire a form.",
    ru: "Выберите «Черновик» или «Действует»; чтобы вывести форму из оборота, используйте «Вывести из оборота».",
  },
  REPORT_FORM_REVISION_MIN: { en: "Revisions start at 1.", ru: "Редакции нумеруются с 1." },
  REPORT_FORM_ADMIN_ONLY: {
    en: "Only administrators change report forms.",
    ru: "Формы отчётов изменяют только администраторы.",
  },
  REPORT_FORM_RETIRED_NO_CHANGE: {
    en: "The form is retired and can no longer change.",
    ru: "Форма выведена из оборота и больше не изменяется.",
  },
  REPORT_FORM_IN_USE: {
    en: "{count} report(s) already use this form, so it cannot change; create its next revision with createReportForm (same code) instead.",
    ru: "По этой форме уже есть отчёты ({count}), поэтому её нельзя изменить; создайте новую редакцию формы с тем же кодом.",
  },
  REPORT_FORM_ALREADY_RETIRED: {
    en: "The form is already retired.",
    ru: "Форма уже выведена из оборота.",
  },

  // ── Creating a report ──
  REPORT_OWNER_ONE_OF: {
    en: "Give exactly one of centreId, municipalityId or regionId: whose report this is.",
    ru: "Укажите ровно одно: центр, муниципальное образование или регион — чей это отчёт.",
  },
  REPORT_FORM_DRAFT_UNUSABLE: {
    en: "The form is draft; reports use active forms only.",
    ru: "Форма — черновик; отчёты составляют только по действующим формам.",
  },
  REPORT_FORM_RETIRED_UNUSABLE: {
    en: "The form is retired; reports use active forms only.",
    ru: "Форма выведена из оборота; отчёты составляют только по действующим формам.",
  },
  REPORT_CENTRE_ARCHIVED: {
    en: "The centre is archived; restore it to report for it.",
    ru: "Центр в архиве; восстановите его, чтобы отчитываться за него.",
  },
  REPORT_OPERATOR_OWN_CENTRE: {
    en: "Operators create reports for their own centre only.",
    ru: "Оператор создаёт отчёты только своего центра.",
  },
  REPORT_OUTSIDE_REGIONS: {
    en: "You cannot create reports outside your regions.",
    ru: "Нельзя создавать отчёты за пределами ваших регионов.",
  },
  REPORT_PERIOD_START_MONTHLY: {
    en: "A monthly report's period starts on the first day of a month, e.g. 2030-03-01.",
    ru: "Период месячного отчёта начинается с первого числа месяца, например 01.03.2030.",
  },
  REPORT_PERIOD_START_QUARTERLY: {
    en: "A quarterly report's period starts on the first day of a quarter: 1 January, 1 April, 1 July or 1 October.",
    ru: "Период квартального отчёта начинается с первого дня квартала: 1 января, 1 апреля, 1 июля или 1 октября.",
  },
  REPORT_PERIOD_START_ANNUAL: {
    en: "An annual report's period starts on 1 January, e.g. 2030-01-01.",
    ru: "Период годового отчёта начинается 1 января, например 01.01.2030.",
  },

  // ── Values ──
  REPORT_VALUES_NONE: { en: "Give at least one value.", ru: "Укажите хотя бы одно значение." },
  REPORT_VALUES_TOO_MANY: { en: "At most {max} values at once.", ru: "Не больше {max} значений за раз." },
  REPORT_VALUES_UNDER_REVIEW: {
    en: "The report is submitted (SUBMITTED); its values cannot change. Ask the curator to return it if a value must change.",
    ru: "Отчёт на проверке, его значения изменить нельзя. Если значение нужно исправить, попросите куратора вернуть отчёт на доработку.",
  },
  REPORT_VALUES_FINAL: {
    en: "The report is {statusEntity}; its values cannot change. Its values are final.",
    ru: "Отчёт в статусе «{statusEntity}»: его значения окончательные и не изменяются.",
  },
  REPORT_VALUE_INDICATOR_ID_OR_CODE: {
    en: "Give the indicator's id or its code, not both.",
    ru: "Укажите показатель по идентификатору или по коду, но не обоими способами сразу.",
  },
  REPORT_VALUE_NOT_FORM_INDICATOR: {
    en: "Not an indicator of this report's form.",
    ru: "Этого показателя нет в форме отчёта.",
  },
  REPORT_VALUE_NO_SUCH_INDICATOR: {
    en: "The form has no indicator {code}.",
    ru: "В форме нет показателя {code}.",
  },
  REPORT_VALUE_INDICATOR_MISSING: {
    en: "Give the indicator's id (or its code).",
    ru: "Укажите показатель (идентификатор или код).",
  },
  REPORT_VALUE_INDICATOR_TWICE: { en: "{code} is given twice.", ru: "Показатель {code} указан дважды." },
  REPORT_VALUE_NOT_WHOLE: { en: "A whole number, got {value}.", ru: "Нужно целое число, а указано {value}." },
  REPORT_VALUE_NO_RURAL_SPLIT: {
    en: "{code} has no rural part; leave rural empty.",
    ru: "У показателя {code} нет сельской части; оставьте её пустой.",
  },
  REPORT_RURAL_EXCEEDS_TOTAL: {
    en: "The rural part ({rural}) cannot exceed the total ({total}).",
    ru: "Сельская часть ({rural}) не может быть больше общего числа ({total}).",
  },
  // REPORT_FILL_FORBIDDEN: in parts/files.ts (report files and spreadsheet imports share it).
  REPORT_PREFILL_DRAFT_ONLY: {
    en: "The report is {statusEntity}; only a draft is prefilled from the event register.",
    ru: "Отчёт в статусе «{statusEntity}»; из реестра мероприятий заполняется только черновик.",
  },
  REPORT_PREFILL_NO_EVENT_INDICATORS: {
    en: "The report's form has no indicator computed from the event register.",
    ru: "В форме отчёта нет показателей, которые считаются по реестру мероприятий.",
  },

  // ── Workflow ──
  REPORT_CORRECTION_REQUIRED: { en: "Say what must be corrected.", ru: "Укажите, что нужно исправить." },
  REPORT_STEP_FINAL: {
    en: "The report is {statusEntity}, so it cannot be {stepEntity}; {statusEntity} is final: nothing more can happen to it.",
    ru: "Отчёт в статусе «{statusEntity}»: действие «{stepEntity}» недоступно. Это окончательный статус, больше с отчётом ничего не происходит.",
  },
  REPORT_STEP_NOT_NEXT: {
    en: "The report is {statusEntity}, so it cannot be {stepEntity}; from {statusEntity} it can only be {nextEntity}.",
    ru: "Отчёт в статусе «{statusEntity}»: действие «{stepEntity}» недоступно. Из этого статуса отчёт переходит только в статус «{nextEntity}».",
  },
  REPORT_STEP_NOT_NEXT_TWO: {
    en: "The report is {statusEntity}, so it cannot be {stepEntity}; from {statusEntity} it can only be {nextEntity} or {otherEntity}.",
    ru: "Отчёт в статусе «{statusEntity}»: действие «{stepEntity}» недоступно. Из этого статуса отчёт переходит только в статус «{nextEntity}» или «{otherEntity}».",
  },
  REPORT_SUBMIT_FORBIDDEN: {
    en: "Only the centre's operator or a curator of the region can submit this report.",
    ru: "Отправить этот отчёт могут только оператор центра или куратор региона.",
  },
  REPORT_REVIEW_FORBIDDEN: {
    en: "Only curators of the report's region and administrators review reports.",
    ru: "Проверяют отчёты только кураторы региона отчёта и администраторы.",
  },
  REPORT_SUBMIT_EMPTY: {
    en: "Enter at least one value before submitting the report.",
    ru: "Перед отправкой внесите в отчёт хотя бы одно значение.",
  },
  REPORT_OWN_APPROVAL: {
    en: "You created, filled in or submitted this report, so you cannot approve or publish it: its figures need a second pair of eyes. Another curator of the report's region or an administrator must approve it.",
    ru: "Вы создавали, заполняли или отправляли этот отчёт, поэтому не можете его утвердить или опубликовать: цифры должен проверить другой человек. Утвердить отчёт должен другой куратор региона или администратор.",
  },
} as const satisfies MessageTable;
