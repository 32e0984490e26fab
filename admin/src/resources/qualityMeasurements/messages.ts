import { reference } from "../../lib/labels";

export const ru = {
  resources: {
    qualityMeasurements: {
      name: "Измерение качества |||| Измерения качества",
      fields: {
        service: { id: "Услуга", name: "Услуга" },
        serviceId: "Услуга",
        indicatorCode: "Показатель",
        ...reference("region", "Регион"),
        municipality: { name: "Муниципальное образование" },
        ...reference("centre", "Центр"),
        periodStart: "Начало периода",
        periodEnd: "Конец периода",
        value: "Значение",
        source: "Источник",
        meetsTarget: "Норматив",
        target: {
          name: "Целевой показатель",
          direction: "Условие",
          threshold: "Порог",
          unit: "Единица",
        },
        from: "Периоды с",
        to: "Периоды по",
      },
    },
  },
  dostup: {
    qualityMeasurements: {
      met: "Выполнен",
      not_met: "Не выполнен",
      no_target: "Нет норматива",
      indicator_help: "Показатели, для которых в стандартах услуги есть цели",
      place_help: "Укажите регион или центр, где проводилось измерение",
      source_help: "Например, «Опрос заявителей»",
    },
  },
};

export const en: typeof ru = {
  resources: {
    qualityMeasurements: {
      name: "Quality measurement |||| Quality measurements",
      fields: {
        service: { id: "Service", name: "Service" },
        serviceId: "Service",
        indicatorCode: "Indicator",
        ...reference("region", "Region"),
        municipality: { name: "Municipality" },
        ...reference("centre", "Centre"),
        periodStart: "Period start",
        periodEnd: "Period end",
        value: "Value",
        source: "Source",
        meetsTarget: "Target",
        target: {
          name: "Target indicator",
          direction: "Condition",
          threshold: "Threshold",
          unit: "Unit",
        },
        from: "Periods from",
        to: "Periods until",
      },
    },
  },
  dostup: {
    qualityMeasurements: {
      met: "Met",
      not_met: "Not met",
      no_target: "No target",
      indicator_help: "Indicators the service's standards set targets for",
      place_help: "The region or centre where the value was measured",
      source_help: "E.g. «Applicant survey»",
    },
  },
};
