// The resource's messages; react-admin's own come from ra-language-russian / -english.
import { reference } from "../../lib/labels";

export const ru = {
  resources: {
    population: {
      name: "Население |||| Население",
      fields: {
        year: "Год (на 1 января)",
        count: "Численность, чел.",
        source: "Источник",
        updatedAt: "Изменено",
        ...reference("region", "Регион"),
        ...reference("municipality", "Муниципальное образование"),
        level: "Уровень",
      },
    },
  },
  enums: {
    PopulationLevel: { REGION: "Регион в целом", MUNICIPALITY: "Муниципальные образования" },
  },
  dostup: {
    population: {
      region_whole: "Регион в целом",
      none: "Численность населения ещё не внесена",
      tab: "Население",
      municipality_help: "Пусто — численность региона в целом",
      source_default: "Росстат, численность постоянного населения на 1 января",
      correct: "Исправить",
      correct_title: "Численность: %{place}, %{year} г.",
      corrected: "Численность исправлена",
    },
  },
};

export const en: typeof ru = {
  resources: {
    population: {
      name: "Population |||| Population",
      fields: {
        year: "Year (1 January)",
        count: "Residents",
        source: "Source",
        updatedAt: "Updated",
        ...reference("region", "Region"),
        ...reference("municipality", "Municipality"),
        level: "Level",
      },
    },
  },
  enums: {
    PopulationLevel: { REGION: "Region as a whole", MUNICIPALITY: "Municipalities" },
  },
  dostup: {
    population: {
      region_whole: "Region as a whole",
      none: "No population figures yet",
      tab: "Population",
      municipality_help: "Empty: the population of the region as a whole",
      source_default: "Росстат, численность постоянного населения на 1 января",
      correct: "Correct",
      correct_title: "Population: %{place}, %{year}",
      corrected: "The figure was corrected",
    },
  },
};
