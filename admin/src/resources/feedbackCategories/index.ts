import CategoryIcon from "@mui/icons-material/Category";
import { formInput } from "../../lib/input";
import { type AdminResource, READERS } from "../../lib/resource";
import {
  FeedbackCategoryCreate,
  FeedbackCategoryEdit,
  FeedbackCategoryList,
  FeedbackCategoryShow,
} from "./FeedbackCategoryPages";
import { en, ru } from "./messages";

export default {
  name: "feedbackCategories",
  definition: {
    typename: "FeedbackCategory",
    fields: "version code name slaDays",
    filters: {},
    create: {
      mutation: "createFeedbackCategory",
      input: (data) => formInput(data, undefined, ["code", "name", "slaDays"]),
    },
    update: {
      mutation: "updateFeedbackCategory",
      input: (data, previous) => formInput(data, previous, ["code", "name", "slaDays"]),
    },
  },
  list: FeedbackCategoryList,
  show: FeedbackCategoryShow,
  create: FeedbackCategoryCreate,
  edit: FeedbackCategoryEdit,
  icon: CategoryIcon,
  recordRepresentation: "name",
  // Only administrators change categories. Operators choose one when submitting feedback
  // through the reference, which works without the menu entry.
  access: { read: READERS, write: ["ADMIN"] },
  messages: { ru, en },
} satisfies AdminResource;
