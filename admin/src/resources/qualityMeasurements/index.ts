import SpeedIcon from "@mui/icons-material/Speed";
import { formInput } from "../../lib/input";
import { type AdminResource, READERS, STAFF } from "../../lib/resource";
import { en, ru } from "./messages";
import { QualityMeasurementCreate, QualityMeasurementEdit } from "./QualityMeasurementForm";
import { QualityMeasurementList } from "./QualityMeasurementList";
import { QualityMeasurementShow } from "./QualityMeasurementShow";

export default {
  name: "qualityMeasurements",
  definition: {
    typename: "QualityMeasurement",
    fields: `version service { id name } indicatorCode region { id name } municipality { id name }
      centre { id name } periodStart periodEnd value source meetsTarget
      target { name unit direction threshold }`,
    filters: {
      serviceId: "ID",
      regionId: "ID",
      municipalityId: "ID",
      centreId: "ID",
      indicatorCode: "String",
      from: "Date",
      to: "Date",
    },
    orderBy: { type: "QualityMeasurementOrderBy", fields: { periodStart: "PERIOD_START", value: "VALUE" } },
    create: {
      mutation: "recordQualityMeasurement",
      input: (data) =>
        formInput(data, undefined, [
          "serviceId",
          "indicatorCode",
          "regionId",
          "centreId",
          "periodStart",
          "periodEnd",
          "value",
          "source",
        ]),
    },
    update: {
      mutation: "updateQualityMeasurement",
      input: (data, previous) => formInput(data, previous, ["value", "source"]),
    },
  },
  list: QualityMeasurementList,
  show: QualityMeasurementShow,
  create: QualityMeasurementCreate,
  edit: QualityMeasurementEdit,
  icon: SpeedIcon,
  recordRepresentation: "indicatorCode",
  access: { read: READERS, write: STAFF },
  messages: { ru, en },
} satisfies AdminResource;
