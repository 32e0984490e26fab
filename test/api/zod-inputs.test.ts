// An input type declared by its zod schema (api/inputs.ts) gets the GraphQL fields a person
// would have written by hand: the types, the required ones and the descriptions, and a clear
// error where zod cannot decide the type. (The builder sorts fields by name.)
import { type GraphQLInputObjectType, printType } from "graphql";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { builder } from "../../api/builder.js";
import { zodInput, zodInputPart } from "../../api/inputs.js";
import { nullAsAbsent, optionalText, text } from "../../api/lib/validate.js";

const Colour = builder.enumType("ZodInputTestColour", { values: ["RED", "GREEN"] as const });

const Part = zodInputPart("ZodInputTestPart", z.object({ weekday: z.number().int(), note: optionalText(10) }));

const Everything = zodInput(
  "ZodInputTestEverything",
  nullAsAbsent(
    z.object({
      id: z.string(),
      version: z.number().int(),
      name: text(100).describe("What people call it."),
      note: optionalText(200),
      registryId: z.string().nullish(),
      centreIds: z.array(z.string()).max(10),
      share: z.number().min(0).max(1).optional(),
      visible: z.boolean().default(true),
      startsOn: z.date(),
      sentAt: z.date().nullish(),
      colour: z.enum(["RED", "GREEN"]),
      hours: z.array(z.object({ weekday: z.number().int(), note: optionalText(10) })).nullish(),
      fee: z
        .string()
        .transform((value) => value.replace(",", "."))
        .nullish(),
    }),
  ),
  {
    description: "Every kind of field.",
    types: { registryId: "String", sentAt: "DateTime", colour: Colour, hours: [Part] },
    required: { startsOn: false },
  },
);

builder.queryField("zodInputTest", (t) =>
  t.boolean({ args: { input: t.arg({ type: Everything, required: true }) }, resolve: () => true }),
);

describe("zodInput", () => {
  const schema = builder.toSchema();

  it("derives each field's type, requiredness and description from the schema", () => {
    const printed = printType(schema.getType("ZodInputTestEverything") as GraphQLInputObjectType);
    expect(printed).toBe(
      [
        '"""Every kind of field."""',
        "input ZodInputTestEverything {",
        "  centreIds: [ID!]!",
        "  colour: ZodInputTestColour!",
        "  fee: String",
        "  hours: [ZodInputTestPart!]",
        "  id: ID!",
        "",
        '  """What people call it."""',
        "  name: String!",
        "  note: String",
        "  registryId: String",
        "  sentAt: DateTime",
        "  share: Float",
        "  startsOn: Date",
        "  version: Int!",
        "  visible: Boolean",
        "}",
      ].join("\n"),
    );
  });

  it("declares a nested part the same way", () => {
    expect(printType(schema.getType("ZodInputTestPart") as GraphQLInputObjectType)).toBe(
      "input ZodInputTestPart {\n  note: String\n  weekday: Int!\n}",
    );
  });

  it("names the field whose GraphQL type zod cannot decide", () => {
    expect(() => {
      zodInput("ZodInputTestUndecided", z.object({ kind: z.enum(["A", "B"]) }));
      builder.toSchema();
    }).toThrow(/ZodInputTestUndecided\.kind \(enum\).*`types`/);
  });
});
