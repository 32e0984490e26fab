// The resource's messages; react-admin's own come from ra-language-russian / -english.
import { reference } from "../../lib/labels";

export const ru = {
  resources: {
    municipalities: {
      name: "Муниципальное образование |||| Муниципальные образования",
      fields: {
        name: "Название",
        oktmo: "ОКТМО",
        kind: "Вид",
        ...reference("region", "Регион"),
      },
    },
  },
  dostup: {
    municipalities: {
      tabs: { main: "Основное", settlements: "Населённые пункты" },
      settlements: {
        name: "Населённый пункт",
        isRural: "Сельский",
        area: "Местность",
        rural: "Сельский",
        urban: "Городской",
        empty: "Населённых пунктов пока нет",
        add: "Добавить населённый пункт",
        edit: "Изменить",
        added: "Населённый пункт добавлен",
        updated: "Населённый пункт изменён",
      },
    },
  },
};

export const en: typeof ru = {
  resources: {
    municipalities: {
      name: "Municipality |||| Municipalities",
      fields: {
        name: "Name",
        oktmo: "OKTMO code",
        kind: "Kind",
        ...reference("region", "Region"),
      },
    },
  },
  dostup: {
    municipalities: {
      tabs: { main: "Main", settlements: "Settlements" },
      settlements: {
        name: "Settlement",
        isRural: "Rural",
        area: "Area",
        rural: "Rural",
        urban: "Urban",
        empty: "No settlements yet",
        add: "Add a settlement",
        edit: "Edit",
        added: "Settlement added",
        updated: "Settlement updated",
      },
    },
  },
};
